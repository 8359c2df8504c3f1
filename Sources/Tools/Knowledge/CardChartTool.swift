#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Store
import JSON
import Knowledge

/// `card_chart`: a card's data drawn as a chart, as PNG image content and the SVG resource.
struct CardChartTool: Tool {
    struct Arguments: ToolArguments {
        var card_id: String
        var width: Int?
        var height: Int?

        static let schema = JSONSchema.object(properties: [
            "card_id": .string("A card_id from a search result.", minLength: 1, maxLength: 1000),
            "width": .integer("Width in pixels, 320-2000 (default 800).", in: 320...2000, default: 800),
            "height": .integer("Height in pixels, 200-1200 (default 450).", in: 200...1200, default: 450),
        ], required: ["card_id"])
    }

    static let name = "card_chart"
    static let title = "Chart a knowledge card"
    static let description = """
        Draw a knowledge card's data as a chart: a line chart for series and comparisons, bars for rankings, \
        with title, unit, axes and source line. Returns the PNG as image content and the same chart as an SVG \
        resource (tak://cards/{card_id}/chart.svg).
        """
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.knowledge

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let base = KnowledgeBase.embedded
        let card = try KnowledgeCards.card(arguments.card_id, in: base)
        let chart = base.chart(of: card, width: arguments.width ?? 800, height: arguments.height ?? 450)
        return ToolOutput(content: [
            ["type": "image", "data": .string(Data(chart.png).base64EncodedString()), "mimeType": "image/png"],
            ["type": "resource", "resource": [
                "uri": .string(KnowledgeBase.chartURI(card.id)), "mimeType": "image/svg+xml", "text": .string(chart.svg),
            ]],
            ["type": "text", "text": .string("Chart of \(card.id): \(chart.drawing.summary)")],
        ])
    }
}
