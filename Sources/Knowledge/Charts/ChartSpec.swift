/// What a card's chart shows, before layout: lines over time, bars of a ranking, or facts.
public struct ChartSpec: Sendable {
    /// One line of a line chart.
    public struct Line: Sendable {
        /// The legend name.
        public var name: String
        /// (decimal year, value) points, oldest first.
        public var points: [(x: Double, y: Double)]
    }

    /// One bar of a bar chart.
    public struct Bar: Sendable {
        /// The label at the bar's start.
        public var label: String
        /// The value.
        public var value: Double
        /// The value as written at the bar's end.
        public var text: String
    }

    /// What is drawn.
    public enum Body: Sendable {
        /// Lines over time (series, comparisons, correlations).
        case lines([Line])
        /// Horizontal bars, highest first (rankings).
        case bars([Bar])
        /// Lines of text (records and summaries).
        case facts([String])
    }

    /// The chart's title.
    public var title: String
    /// The unit line under the title.
    public var subtitle: String
    /// The source line at the bottom.
    public var source: String
    /// What is drawn.
    public var body: Body
}

extension KnowledgeBase {
    /// Rankings show at most this many bars.
    static let maxBars = 20

    /// The chart of `card`: lines for series, bars for rankings, facts for records and summaries.
    public func chartSpec(of card: KnowledgeCard) -> ChartSpec {
        let source = "Source: " + card.datasets.map { "\(corpus.datasets[$0].sourceName) (\(corpus.datasets[$0].license))" }
            .joined(separator: "; ") + " · " + Self.cardURI(card.id)
        func lines(_ indexes: [Int], _ window: PeriodWindow?) -> [ChartSpec.Line] {
            indexes.map { index in
                let series = corpus.series[index]
                let points = window.map { series.points(in: $0) } ?? series.points[...]
                let name = indexes.count > 1 && Set(indexes.map { corpus.series[$0].measure.label }).count > 1
                    ? "\(corpus.subjectLabel(series)) – \(series.measure.label)" : corpus.subjectLabel(series)
                return ChartSpec.Line(name: name, points: points.map { ($0.period.decimalYear, $0.value) })
            }
        }
        func units(_ indexes: [Int]) -> String {
            var seen: [String] = []
            for index in indexes where !seen.contains(corpus.series[index].measure.unitPhrase) { seen.append(corpus.series[index].measure.unitPhrase) }
            return "Unit: " + seen.joined(separator: "; ")
        }
        switch card.recipe {
        case .series(let index, let window):
            return ChartSpec(title: card.title, subtitle: units([index]), source: source, body: .lines(lines([index], window)))
        case .comparison(let indexes, let window):
            let shown = window ?? ComparisonCardWriter(corpus: corpus).commonWindow(indexes, within: nil)
            return ChartSpec(title: card.title, subtitle: units(indexes), source: source, body: .lines(lines(indexes, shown)))
        case .correlation(let a, let b, let window):
            let shown = window ?? ComparisonCardWriter(corpus: corpus).commonWindow([a, b], within: nil)
            // Two units on one axis mislead: each line is drawn as a share of its own highest value.
            let scaled = lines([a, b], shown).map { line in
                let top = line.points.map { abs($0.y) }.max() ?? 1
                return ChartSpec.Line(name: line.name + " (÷ its highest)", points: line.points.map { ($0.x, top > 0 ? $0.y / top : 0) })
            }
            return ChartSpec(title: card.title, subtitle: "Each line divided by its highest value in the window (" + units([a, b]) + ")",
                             source: source, body: .lines(scaled))
        case .ranking(let key):
            let ranking = corpus.ranking(key)
            let bars = (ranking?.entries.prefix(Self.maxBars) ?? []).map { entry in
                ChartSpec.Bar(label: entry.name, value: entry.value, text: ranking!.measure.format(entry.value))
            }
            let shown = (ranking?.entries.count ?? 0) > Self.maxBars ? " (top \(Self.maxBars) of \(ranking!.entries.count))" : ""
            return ChartSpec(title: card.title + shown, subtitle: "Unit: " + (ranking?.measure.unitPhrase ?? ""), source: source, body: .bars(bars))
        case .record, .summary:
            let table = table(of: card)
            var facts: [String] = []
            if table.rows.count == 1 { facts = zip(table.header, table.rows[0]).filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" } }
            for row in table.rows.prefix(12) where table.rows.count > 1 {
                facts.append(zip(table.header, row).filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: "; "))
            }
            if case .summary = card.recipe { facts = card.figures.map { "\($0.kind.rawValue): \($0.text)" } }
            return ChartSpec(title: card.title, subtitle: card.kind == .record ? "Record as the data has it" : "Summary statistics",
                             source: source, body: .facts(facts))
        }
    }
}
