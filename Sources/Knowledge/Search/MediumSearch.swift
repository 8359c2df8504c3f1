/// `medium`: cards built for the question — comparisons, rankings and series over the asked
/// window, with the figures computed from the raw series.
extension KnowledgeBase {
    /// The cards for `query`, and the subjects whose data does not reach the asked range.
    func mediumCards(_ query: ParsedQuery, count: Int) -> (cards: [KnowledgeCard], outOfRange: [String]) {
        let resolved = SeriesResolver(base: self).resolve(query)
        var cards: [KnowledgeCard] = []
        var outOfRange: [String] = []
        let series = SeriesCardWriter(corpus: corpus), comparisons = ComparisonCardWriter(corpus: corpus)
        for item in resolved {
            if wantsRanking(query, item), let ranking = rankingCard(query, item) { cards.append(ranking) }
            var windowed: [(index: Int, window: PeriodWindow?)] = []
            for index in item.series {
                if let range = query.timeRange {
                    guard let window = range.window(for: corpus.series[index]) else {
                        outOfRange.append(corpus.seriesTitle(corpus.series[index], window: corpus.series[index].span!))
                        continue
                    }
                    windowed.append((index, window))
                } else {
                    windowed.append((index, nil))
                }
            }
            let indexes = windowed.map(\.index)
            if indexes.count >= 2, comparisons.comparable(indexes) {
                let window = query.timeRange.flatMap { $0.window(for: corpus.series[indexes[0]]) }
                if let card = comparisons.comparison(indexes, window: window) { cards.append(card) }
            }
            for (index, window) in windowed {
                if let card = series.card(series: index, window: window) { cards.append(card) }
            }
        }
        if query.intents.contains(.correlation) || resolved.count >= 2 {
            cards += correlationCards(resolved, query: query)
        }
        var seen: Set<String> = []
        cards = cards.filter { seen.insert($0.id).inserted }
        return (Array(cards.prefix(count)).enumerated().map { position, card in
            var card = card
            card.relevanceScore = max(1, 5 - 0.25 * Double(position))
            return card
        }, outOfRange)
    }

    /// Whether to rank: the question asks for it, or names a measure but no subject.
    private func wantsRanking(_ query: ParsedQuery, _ item: SeriesResolver.Resolved) -> Bool {
        query.intents.contains(.rank) || (query.entities.isEmpty && !query.world && item.series.allSatisfy { corpus.series[$0].scope.isCombined })
    }

    /// The ranking of the item's measure at the asked year (else the last period), within a
    /// group the question names.
    private func rankingCard(_ query: ParsedQuery, _ item: SeriesResolver.Resolved) -> KnowledgeCard? {
        let dataset = corpus.datasets[item.measure.dataset]
        var key = RankingKey(dataset: item.measure.dataset, measure: item.measure.measure, period: nil)
        if corpus.layouts[key.dataset] == .panel {
            let periods = corpus.entitySeries(item.measure).flatMap { corpus.series[$0].points.map(\.period) }
            guard var period = periods.max() else { return nil }
            if let year = query.timeRange?.lastYear {
                let inYear = periods.filter { $0.year == year }
                guard let last = inYear.max() else { return nil }
                period = last
            }
            key.period = period
        }
        for column in dataset.columnIndexes(.group) {
            if let value = query.entities.first(where: { name in dataset.rows.contains { $0[column].text == name } }) {
                key.group = GroupValue(column: column, label: dataset.columns[column].label, value: value)
            }
        }
        return RankingCardWriter(corpus: corpus).card(key)
    }

    /// Correlations between two measures of the same subject.
    private func correlationCards(_ resolved: [SeriesResolver.Resolved], query: ParsedQuery) -> [KnowledgeCard] {
        guard resolved.count >= 2 else { return [] }
        let writer = ComparisonCardWriter(corpus: corpus)
        var cards: [KnowledgeCard] = []
        for a in resolved[0].series {
            for b in resolved[1].series where corpus.series[a].scope == corpus.series[b].scope {
                let window = query.timeRange.flatMap { $0.window(for: corpus.series[a]) }
                if let card = writer.correlation(a, b, window: window) { cards.append(card) }
            }
        }
        return cards
    }
}
