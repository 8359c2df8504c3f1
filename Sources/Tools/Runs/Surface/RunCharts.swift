import Store
import JSON
import Knowledge
import Runs

/// The chart images of a run's cards, drawn with the run's settings: the `timezone` puts the
/// run's date and time, in that zone, on the source line, and `output_settings.image_dark_mode`
/// draws for a dark background. Runs that set either point their cards' `image_url` here;
/// others keep the knowledge base's own chart.
enum RunCharts {
    /// The URI of the chart of card `number` (its citation number) of run `runID`.
    static func uri(runID: String, number: Int) -> String { "tak://runs/\(runID).\(number)/chart.svg" }

    /// Whether `request` asks for charts of its own.
    static func wanted(_ request: RunRequest) -> Bool { request.timezone != nil || request.imageDarkMode == true }

    /// `result` with its cards' image URLs pointing at the run's charts.
    static func pointing(_ result: AgentResult, runID: String) -> AgentResult {
        var copy = result
        copy.cards = result.cards.enumerated().map { offset, card in
            guard case .object(var object) = card else { return card }
            object["image_url"] = .string(uri(runID: runID, number: offset + 1))
            return .object(object)
        }
        return copy
    }

    /// The SVG of `runCard` ("<run id>.<number>"), or nil when it names no card of a run.
    static func svg(_ runCard: String, service: RunsService) throws -> String? {
        guard let dot = runCard.lastIndex(of: "."), let number = Int(runCard[runCard.index(after: dot)...]), number >= 1,
              let record = try service.runRecord(String(runCard[..<dot])),
              let result = try service.view(record).result, number <= result.cards.count,
              let id = result.cards[number - 1]["card_id"]?.stringValue else { return nil }
        let base = KnowledgeBase.embedded
        guard let card = base.card(id: id) else { return nil }
        var spec = base.chartSpec(of: card)
        if let name = record.request.timezone, let zone = ZoneInfo.load(name), let seconds = ZoneInfo.unixSeconds(iso: record.createdAt) {
            spec.source += " · drawn \(zone.format(seconds)) (\(name))"
        }
        var drawing = ChartLayout.draw(spec)
        if record.request.imageDarkMode == true { drawing = dark(drawing) }
        return SVGWriter.svg(drawing)
    }

    /// `drawing` for a dark background: the light background, ink, grid and muted greys swapped
    /// for their dark counterparts; series colours kept.
    static func dark(_ drawing: Drawing) -> Drawing {
        func swap(_ color: RGB) -> RGB {
            switch (color.r, color.g, color.b) {
            case (255, 255, 255): RGB(24, 26, 27)
            case (33, 37, 41): RGB(230, 232, 235)
            case (225, 228, 232): RGB(62, 66, 70)
            case (108, 117, 125): RGB(165, 172, 180)
            default: color
            }
        }
        var copy = drawing
        copy.commands = drawing.commands.map { command in
            switch command {
            case .rect(let x, let y, let width, let height, let fill): .rect(x: x, y: y, width: width, height: height, fill: swap(fill))
            case .polyline(let points, let stroke, let width): .polyline(points: points, stroke: swap(stroke), width: width)
            case .text(let x, let y, let text, let size, let color, let anchor):
                .text(x: x, y: y, text: text, size: size, color: swap(color), anchor: anchor)
            }
        }
        return copy
    }

    /// `tak://runs/{run_id}` and `tak://runs/{run_card}/chart.svg`.
    static let templates: [ResourceTemplateDefinition] = [
        ResourceTemplateDefinition(
            uriTemplate: "tak://runs/{run_id}", name: "run", title: "Research run",
            description: "One research run as agent_run_get returns it.",
            read: { id, context in
                let service = try context.environment.runs()
                return try service.runRecord(id).map { JSONValue.object(try service.view($0).json).jsonText }
            },
            complete: { prefix, context in try context.environment.store.ids(in: RunsCollections.runs, prefix: prefix) }),
        ResourceTemplateDefinition(
            uriTemplate: "tak://runs/{run_card}/chart.svg", name: "run-chart", title: "Research run chart",
            description: "The chart of card n of a run (run_card = <run_id>.<n>) as SVG, with the run's timezone on its source line and its dark mode.",
            mimeType: "image/svg+xml",
            read: { runCard, context in try svg(runCard, service: try context.environment.runs()) },
            complete: { _, _ in [] }),
    ]
}

extension ZoneInfo {
    /// Unix seconds of an ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SS[.fff]Z"; nil for anything else.
    static func unixSeconds(iso text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19) else { return nil }
        return Int64(Civil.days(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }
}
