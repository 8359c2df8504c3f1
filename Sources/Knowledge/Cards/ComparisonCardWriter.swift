/// Writes comparison cards (several series of one measure side by side) and correlation cards
/// (two series on their common periods).
struct ComparisonCardWriter {
    /// The series and their lookups.
    let corpus: Corpus

    /// The window the series share: the latest start and the earliest end, within `requested`.
    /// Nil when they do not overlap.
    func commonWindow(_ indexes: [Int], within requested: PeriodWindow?) -> PeriodWindow? {
        var start: Period?, end: Period?
        for index in indexes {
            guard let span = corpus.series[index].span else { return nil }
            start = max(start ?? span.start, span.start)
            end = min(end ?? span.end, span.end)
        }
        if let requested, let lower = start, let upper = end {
            start = max(lower, requested.start)
            end = min(upper, requested.end)
        }
        guard let lower = start, let upper = end, lower <= upper else { return nil }
        // Snap to the periods that have values, so the window says what the data covers.
        let window = PeriodWindow(start: lower, end: upper)
        let present = indexes.flatMap { corpus.series[$0].points(in: window).map(\.period) }
        guard let first = present.min(), let last = present.max() else { return nil }
        return PeriodWindow(start: first, end: last)
    }

    /// Whether series can be compared on one axis: one frequency and one unit.
    func comparable(_ indexes: [Int]) -> Bool {
        guard let first = indexes.first.map({ corpus.series[$0] }) else { return false }
        return indexes.allSatisfy { corpus.series[$0].measure.unit == first.measure.unit && corpus.series[$0].frequency == first.frequency }
    }

    /// The comparison card of series `indexes` over their common window within `requested`.
    func comparison(_ indexes: [Int], window requested: PeriodWindow? = nil) -> KnowledgeCard? {
        guard indexes.count >= 2, comparable(indexes), let window = commonWindow(indexes, within: requested) else { return nil }
        let all = indexes.map { corpus.series[$0] }
        let measure = all[0].measure
        var figures: [Figure] = []
        var sentences: [String] = []
        var growths: [(name: String, growth: Double)] = []
        var latest: [(name: String, value: Double)] = []
        for series in all {
            var facts = SeriesFacts(series: series, corpus: corpus)
            guard let stats = WindowStatistics(series.points(in: window)) else { continue }
            facts.describe(stats)
            figures += facts.figures.filter { [.latest, .first, .change, .growthPercent, .ratio, .peak, .trough].contains($0.kind) }
            sentences.append(facts.sentences[0])
            if stats.last.period == window.end { latest.append((corpus.subjectLabel(series), stats.last.value)) }
            if measure.isRatioScale, let growth = stats.growthPercent { growths.append((corpus.subjectLabel(series), growth)) }
        }
        if latest.count == all.count, let top = latest.max(by: { $0.value < $1.value }), let bottom = latest.min(by: { $0.value < $1.value }),
           top.value != bottom.value {
            if measure.isRatioScale, bottom.value > 0 {
                let ratio = top.value / bottom.value
                figures.append(Figure(kind: .relativeRatio, subject: "\(top.name) / \(bottom.name)", value: ratio, unit: "x",
                                      period: "\(window.end)", text: NumberText.ratio(ratio)))
                sentences.append("In \(window.end) \(top.name) was \(NumberText.ratio(ratio)) \(bottom.name)"
                    + " (\(measure.format(top.value)) against \(measure.format(bottom.value))).")
            } else {
                sentences.append("In \(window.end) \(top.name) was highest, \(measure.formatChange(top.value - bottom.value)) above \(bottom.name).")
            }
        }
        if growths.count >= 2, let fastest = growths.max(by: { $0.growth < $1.growth }) {
            let others = growths.filter { $0.name != fastest.name }.map { "\($0.name) \(NumberText.percent($0.growth))" }
            sentences.append("Over \(window.label) \(fastest.name) grew most: \(NumberText.percent(fastest.growth)), against \(Phrases.list(others)).")
        }
        let names = all.map { corpus.subjectLabel($0) }
        let datasets = Array(Set(all.map(\.dataset))).sorted()
        let id = "vs~" + all.map(\.id).joined(separator: "~") + (requested == nil ? "" : "@\(window.idText)")
        return KnowledgeCard(
            id: id, kind: .comparison, title: "\(names.joined(separator: " vs ")): \(Phrases.lowerFirst(measure.label)), \(window.label)",
            description: (sentences + datasets.map { corpus.provenanceSentence($0, measures: [measure]) }).joined(separator: " "),
            semanticDescription: "Comparison of \(Phrases.lowerFirst(measure.label)) in \(measure.unitPhrase) for \(Phrases.list(names)),"
                + " \(all[0].frequency.adjective), \(window.label).",
            figures: figures, datasets: datasets, entities: all.flatMap(\.scope.entityNames), measures: [measure.label],
            recipe: .comparison(indexes, window: requested == nil ? nil : window))
    }

    /// The correlation card of series `a` and `b` over their common periods within `requested`.
    func correlation(_ a: Int, _ b: Int, window requested: PeriodWindow? = nil) -> KnowledgeCard? {
        let first = corpus.series[a], second = corpus.series[b]
        guard first.frequency == second.frequency, let window = commonWindow([a, b], within: requested),
              let (r, count) = CrossStatistics.correlation(first.points(in: window), second.points(in: window)) else { return nil }
        let nameA = "\(corpus.subjectLabel(first)) \(Phrases.lowerFirst(first.measure.label))"
        let nameB = "\(corpus.subjectLabel(second)) \(Phrases.lowerFirst(second.measure.label))"
        let strength = abs(r) >= 0.7 ? "strong" : abs(r) >= 0.4 ? "moderate" : "weak"
        let direction = r >= 0 ? "positive" : "negative"
        let rText = NumberText.fixed(r, decimals: 3)
        let figure = Figure(kind: .correlation, subject: "\(first.id) ~ \(second.id)", value: r, unit: nil, period: window.label, text: "r = \(rText)")
        let datasets = Array(Set([first.dataset, second.dataset])).sorted()
        let sentence = "Over \(window.label) \(nameA) and \(nameB) moved with a \(strength) \(direction) correlation: r = \(rText)"
            + " on \(count) common \(first.frequency.adjective) periods (Pearson; a correlation is not a cause)."
        return KnowledgeCard(
            id: "corr~\(first.id)~\(second.id)" + (requested == nil ? "" : "@\(window.idText)"), kind: .correlation,
            title: "\(nameA) and \(nameB): correlation, \(window.label)",
            description: ([sentence] + datasets.map { corpus.provenanceSentence($0, measures: [first.measure, second.measure]) }).joined(separator: " "),
            semanticDescription: "Correlation of \(nameA) with \(nameB), \(window.label).",
            figures: [figure], datasets: datasets, entities: first.scope.entityNames + second.scope.entityNames,
            measures: [first.measure.label, second.measure.label], recipe: .correlation(a, b, window: requested == nil ? nil : window))
    }
}
