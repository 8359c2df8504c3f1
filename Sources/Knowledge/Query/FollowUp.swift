/// Follow-up questions: what an earlier card was about fills what the new question leaves out
/// ("and Argentina?" after Brazil's life expectancy since 1990 keeps the measure and the range).
enum FollowUp {
    /// Folds `previous` into `query`: its entities when the query names none (or asks to compare),
    /// its measures when the query names none, and its window when the query gives no time range.
    static func merge(_ previous: KnowledgeCard, into query: inout ParsedQuery, base: KnowledgeBase) {
        let corpus = base.corpus
        var series: [Series] = []
        var measures: [MeasureKey] = []
        var window: PeriodWindow?
        switch previous.recipe {
        case .series(let index, let range):
            series = [corpus.series[index]]
            window = range
        case .comparison(let indexes, let range):
            series = indexes.map { corpus.series[$0] }
            window = range
        case .correlation(let a, let b, let range):
            series = [corpus.series[a], corpus.series[b]]
            window = range
        case .ranking(let key):
            measures = [MeasureKey(dataset: key.dataset, measure: key.measure)]
            if query.timeRange == nil, let period = key.period { query.timeRange = .year(period.year) }
            if !query.intents.contains(.rank) && query.entities.isEmpty { query.intents.insert(.rank) }
        case .record, .summary:
            break
        }
        for item in series {
            let key = MeasureKey(dataset: item.dataset, measure: item.measure.slug)
            if !measures.contains(key) { measures.append(key) }
        }
        let earlier = series.flatMap(\.scope.entityNames)
        if query.entities.isEmpty && !query.world {
            query.world = series.contains { if case .total = $0.scope { true } else { false } }
            for name in earlier where !query.entities.contains(name) { query.entities.append(name) }
        } else if query.intents.contains(.compare) {
            // "Compare with Argentina": the earlier subjects stay, first.
            query.entities = earlier.filter { !query.entities.contains($0) } + query.entities
        }
        if query.measures.isEmpty { query.measures = measures }
        if query.timeRange == nil, let window { query.timeRange = .years(from: window.start.year, to: window.end.year) }
        query.followsUp = previous.id
    }
}
