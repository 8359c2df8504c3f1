/// Writes the card of one series over a window: its latest value, change, growth, peak, trough,
/// average, rank and share, each with its period and unit.
struct SeriesCardWriter {
    /// The series and their lookups.
    let corpus: Corpus

    /// The card of series `index` over `window` (its whole span when nil); nil when the window
    /// holds no value.
    func card(series index: Int, window requested: PeriodWindow? = nil) -> KnowledgeCard? {
        let series = corpus.series[index]
        guard let span = series.span else { return nil }
        let window = requested ?? span
        let points = series.points(in: window)
        guard let stats = WindowStatistics(points) else { return nil }
        let shown = PeriodWindow(start: stats.first.period, end: stats.last.period)
        var facts = SeriesFacts(series: series, corpus: corpus)
        facts.describe(stats)
        facts.addRankAndShare(at: stats.last.period)
        facts.addScopeNote()
        let id = requested == nil ? series.id : "\(series.id)@\(shown.idText)"
        let data = corpus.datasets[series.dataset]
        let semantic = "\(Phrases.upperFirst(series.frequency.adjective)) time series of \(Phrases.lowerFirst(series.measure.label))"
            + " in \(series.measure.unitPhrase) for \(corpus.subjectLabel(series))\(groupPhrase(series)), \(shown.label),"
            + " \(stats.count) values, from \(data.title)."
        return KnowledgeCard(
            id: id, kind: .timeseries, title: corpus.seriesTitle(series, window: shown),
            description: (facts.sentences + [corpus.provenanceSentence(series.dataset, measures: [series.measure])]).joined(separator: " "),
            semanticDescription: semantic, figures: facts.figures, datasets: [series.dataset],
            entities: series.scope.entityNames + groupNames(series), measures: [series.measure.label],
            recipe: .series(index, window: requested == nil ? nil : shown))
    }

    /// " (Continent: Americas)" for an entity with groups.
    private func groupPhrase(_ series: Series) -> String {
        guard case .entity(_, let groups) = series.scope, !groups.isEmpty else { return "" }
        return " (" + groups.map { "\($0.label): \($0.value)" }.joined(separator: ", ") + ")"
    }

    /// The group values of an entity, indexed so "Asia" finds its countries.
    private func groupNames(_ series: Series) -> [String] {
        guard case .entity(_, let groups) = series.scope else { return [] }
        return groups.map(\.value)
    }
}

/// The figures and sentences about one series, collected in order.
struct SeriesFacts {
    /// The series described.
    let series: Series
    /// For ranks and shares.
    let corpus: Corpus
    /// The sentences so far.
    var sentences: [String] = []
    /// The figures so far.
    var figures: [Figure] = []

    /// Creates an empty collection.
    init(series: Series, corpus: Corpus) {
        self.series = series
        self.corpus = corpus
    }

    /// Adds a figure and returns its text.
    @discardableResult
    mutating func add(_ kind: Figure.Kind, _ value: Double, unit: String?, period: String, text: String) -> String {
        figures.append(Figure(kind: kind, subject: series.id, value: value, unit: unit, period: period, text: text))
        return text
    }

    /// The latest value, the change since the first, the extremes and the average.
    mutating func describe(_ stats: WindowStatistics) {
        let measure = series.measure
        let unit = measure.unit
        let window = PeriodWindow(start: stats.first.period, end: stats.last.period).label
        let subject = corpus.subjectLabel(series)
        let last = add(.latest, stats.last.value, unit: unit, period: "\(stats.last.period)", text: measure.format(stats.last.value))
        guard stats.count > 1 else {
            sentences.append("\(measure.label), \(subject): \(last) in \(stats.last.period).")
            return
        }
        let first = add(.first, stats.first.value, unit: unit, period: "\(stats.first.period)", text: measure.format(stats.first.value))
        var changes = [add(.change, stats.change, unit: unit, period: window, text: measure.formatChange(stats.change))]
        if measure.isRatioScale, let growth = stats.growthPercent, let ratio = stats.ratio {
            changes.append(add(.growthPercent, growth, unit: "%", period: window, text: NumberText.percent(growth)))
            changes.append(add(.ratio, ratio, unit: "x", period: window, text: NumberText.ratio(ratio)))
        }
        sentences.append("\(measure.label), \(subject): \(last) in \(stats.last.period), \(Phrases.direction(stats.change)) from"
            + " \(first) in \(stats.first.period) (\(changes.joined(separator: ", "))).")
        let peak = add(.peak, stats.peak.value, unit: unit, period: "\(stats.peak.period)", text: measure.format(stats.peak.value))
        let trough = add(.trough, stats.trough.value, unit: unit, period: "\(stats.trough.period)", text: measure.format(stats.trough.value))
        let average = add(.average, stats.average, unit: unit, period: window, text: measure.format(stats.average))
        sentences.append("Highest \(peak) (\(stats.peak.period)); lowest \(trough) (\(stats.trough.period));"
            + " average \(average) over \(window) (\(stats.count) \(series.frequency.adjective) values).")
        if measure.isRatioScale, let yearly = stats.yearlyGrowthPercent(frequency: series.frequency) {
            let text = add(.yearlyGrowthPercent, yearly, unit: "% per year", period: window, text: NumberText.percent(yearly) + " per year")
            sentences.append("Average yearly growth over \(window): \(text).")
        }
    }

    /// The rank among sibling entities and the share of the total at `period`, where they exist.
    mutating func addRankAndShare(at period: Period) {
        if let (rank, count) = corpus.rank(of: series, at: period) {
            let text = add(.rank, Double(rank), unit: "rank", period: "\(period)", text: "\(Phrases.ordinal(rank)) of \(count)")
            sentences.append("Ranked \(text) \(corpus.entityNoun(series.dataset)) by \(Phrases.lowerFirst(series.measure.label))"
                + " in \(period) (1st = highest).")
        }
        guard series.measure.aggregate == .sum, let total = corpus.total(of: series), total.id != series.id,
              case .total(let members, let noun) = total.scope,
              let whole = total.value(at: period), whole > 0, let value = series.value(at: period) else { return }
        let share = value / whole * 100
        let text = add(.sharePercent, share, unit: "%", period: "\(period)", text: NumberText.fixed(share, decimals: 2) + "%")
        sentences.append("Share of the total of all \(members) \(noun) in \(period): \(text).")
    }

    /// How a combined or rolled-up series was computed.
    mutating func addScopeNote() {
        let rule = Phrases.rule(series.measure.aggregate)
        switch series.scope {
        case .group(let group, let members, let noun):
            let missing = series.measure.aggregate == .sum ? " (a period counts only when all of them have a value)" : ""
            sentences.append("Each value is the \(rule) of the \(members) \(noun) with \(group.label.lowercased()) \(group.value)\(missing).")
        case .total(let members, let noun):
            let missing = series.measure.aggregate == .sum ? " (a period counts only when all of them have a value)" : ""
            sentences.append("Each value is the \(rule) of all \(members) \(noun) in the data\(missing).")
        case .rollup(let from):
            let word = series.measure.aggregate == .sum ? "total" : "mean"
            sentences.append("Each value is the \(word) of the \(from.adjective) values in the \(series.frequency == .year ? "year" : "month").")
        case .entity, .whole:
            break
        }
    }
}
