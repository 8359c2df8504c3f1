import Store
import JSON
import Knowledge

/// Everything knowledge search adds to `ToolCatalog.standard`.
enum KnowledgeCatalog {
    /// The tools, in listing order.
    static let tools: [AnyTool] = [
        AnyTool(KnowledgeSearchTool()), AnyTool(KnowledgeSearchStatusTool()), AnyTool(CardGetTool()), AnyTool(CardChartTool()),
    ]

    /// `tak://knowledge/sources`.
    static let resources: [ResourceDefinition] = [
        ResourceDefinition(
            uri: "tak://knowledge/sources", name: "knowledge-sources", title: "Knowledge base sources",
            description: "Every data set of the embedded knowledge base with its provenance: source, URL, package and file, licence, columns and units."
        ) { _ in JSONValue.object(KnowledgeBase.embedded.sourcesJSON).jsonText },
    ]

    /// `tak://cards/{card_id}` and `tak://cards/{card_id}/chart.svg`.
    static let resourceTemplates: [ResourceTemplateDefinition] = [
        ResourceTemplateDefinition(
            uriTemplate: "tak://cards/{card_id}", name: "card", title: "Knowledge card",
            description: "One knowledge card as card_get returns it (data up to 2,000 rows).",
            read: { id, _ in
                let base = KnowledgeBase.embedded
                return base.card(id: id).map { JSONValue.object(base.json(of: $0)).jsonText }
            },
            complete: { prefix, _ in completions(prefix) }),
        ResourceTemplateDefinition(
            uriTemplate: "tak://cards/{card_id}/chart.svg", name: "card-chart", title: "Knowledge card chart",
            description: "A knowledge card's chart as SVG (800 × 450): line chart for series, bars for rankings.",
            mimeType: "image/svg+xml",
            read: { id, _ in
                let base = KnowledgeBase.embedded
                return base.card(id: id).map { base.chart(of: $0).svg }
            },
            complete: { prefix, _ in completions(prefix) }),
    ]

    /// Up to 100 base card ids starting with `prefix`.
    static func completions(_ prefix: String) -> [String] {
        Array(KnowledgeBase.embedded.cards.lazy.map(\.id).filter { $0.hasPrefix(prefix) }.prefix(100))
    }
}
