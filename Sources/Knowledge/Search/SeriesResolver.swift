/// Finds the series a question is about: for each measure it names (or that its entities have),
/// the series of each entity, group or "world" it names, or the data set's own series.
struct SeriesResolver {
    /// The knowledge base.
    let base: KnowledgeBase

    /// The series of one measure that answer a question.
    struct Resolved: Sendable {
        /// The measure.
        var measure: MeasureKey
        /// The series, in the order their subjects were mentioned.
        var series: [Int]
    }

    /// The series of `query`, measure by measure; at most `maxMeasures` measures.
    func resolve(_ query: ParsedQuery, maxMeasures: Int = 3) -> [Resolved] {
        func resolved(_ measures: [MeasureKey]) -> [Resolved] {
            measures.compactMap { key in
                let series = seriesOf(key, query)
                return series.isEmpty && !query.intents.contains(.rank) ? nil : Resolved(measure: key, series: series)
            }
        }
        let named = resolved(Array(query.measures.prefix(maxMeasures)))
        // "Microsoft stock": the words matched no measure of MSFT, so its own measures answer.
        if named.allSatisfy(\.series.isEmpty) && (!query.entities.isEmpty || query.world) {
            let inferred = resolved(inferredMeasures(query, limit: maxMeasures))
            if !inferred.isEmpty { return inferred }
        }
        return named
    }

    /// For a question naming entities but no measure: the measures of their best index hits.
    func inferredMeasures(_ query: ParsedQuery, limit: Int) -> [MeasureKey] {
        guard !query.entities.isEmpty || query.world else { return [] }
        var keys: [MeasureKey] = []
        for card in base.fastCards(query, count: 24) {
            guard case .series(let index, _) = card.recipe else { continue }
            let series = base.corpus.series[index]
            let names = series.scope.entityNames
            let about = names.contains(where: query.entities.contains) || (query.world && names.isEmpty && series.scope.isCombined)
                || mentionsPlace(query, dataset: series.dataset, scope: series.scope)
            let key = MeasureKey(dataset: series.dataset, measure: series.measure.slug)
            if about && !keys.contains(key) { keys.append(key) }
            if keys.count == limit { break }
        }
        return keys
    }

    /// The series of measure `key` for the question's subjects.
    func seriesOf(_ key: MeasureKey, _ query: ParsedQuery) -> [Int] {
        let corpus = base.corpus
        var found: [Int] = []
        var best: [Int] = [], bestCoverage = 0
        for name in query.entities {
            for index in base.lexicon.seriesByName[name] ?? [] where !best.contains(index) {
                let series = corpus.series[index]
                guard MeasureKey(dataset: series.dataset, measure: series.measure.slug) == key else { continue }
                let names = series.scope.entityNames
                let coverage = query.entities.filter(names.contains).count
                if coverage > bestCoverage { best = [index]; bestCoverage = coverage } else if coverage == bestCoverage { best.append(index) }
            }
        }
        // "Waseca" alone: the site's combined series, not each variety at Waseca.
        let exact = best.filter { corpus.series[$0].scope.entityNames.count == bestCoverage }
        found = exact.isEmpty ? best : exact
        if bestCoverage == 1 && query.entities.count > 1 {
            // Several single subjects ("Brazil and Argentina"): one series each, in mention order.
            found = query.entities.compactMap { name in found.first { corpus.series[$0].scope.entityNames == [name] } ?? found.first { corpus.series[$0].scope.entityNames.contains(name) } }
            found = found.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        }
        if query.world, let total = corpus.totals[key] { found.append(total) }
        if found.isEmpty, let whole = base.lexicon.wholeSeries[key]?.first(where: { corpus.series[$0].scope == .whole }) {
            if (query.entities.isEmpty && !query.world) || mentionsPlace(query, dataset: key.dataset, scope: .whole) { found.append(whole) }
        }
        if found.isEmpty, query.entities.isEmpty, !query.intents.contains(.rank), let total = corpus.totals[key] { found.append(total) }
        return found
    }

    /// Whether a whole-data-set series is about a place the question names ("US" for US macro data).
    func mentionsPlace(_ query: ParsedQuery, dataset: Int, scope: SeriesScope) -> Bool {
        guard scope == .whole else { return false }
        let words = base.lexicon.titleWords[dataset]
        return query.entities.contains { name in
            let terms = Tokenizer.terms(name)
            return !terms.isEmpty && terms.allSatisfy(words.contains)
        }
    }
}
