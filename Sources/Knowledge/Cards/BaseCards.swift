/// The cards a knowledge base holds before any question: one per series, plus rankings, records
/// and summaries, as each data set's layout allows.
struct BaseCards {
    /// The series and their lookups.
    let corpus: Corpus

    /// Rankings are made at every period only for yearly panels with at most this many periods.
    static let maxRankedPeriods = 70
    /// Measures of tables with more entities than this are not ranked (3,376 airports by latitude).
    static let maxRankedEntities = 500

    /// Every base card, in data set order.
    func all() -> [KnowledgeCard] {
        var cards: [KnowledgeCard] = []
        let seriesWriter = SeriesCardWriter(corpus: corpus)
        for index in corpus.series.indices {
            if let card = seriesWriter.card(series: index) { cards.append(card) }
        }
        let rankings = RankingCardWriter(corpus: corpus)
        for key in rankingKeys() {
            if let card = rankings.card(key) { cards.append(card) }
        }
        cards += recordsAndSummaries()
        return cards
    }

    /// The rankings worth having in advance.
    func rankingKeys() -> [RankingKey] {
        var keys: [RankingKey] = []
        for (index, dataset) in corpus.datasets.enumerated() {
            let measures = dataset.columnIndexes(.measure).map { Slug.make(dataset.columns[$0].name) }
            let groups = groupValues(dataset)
            switch corpus.layouts[index] {
            case .panel:
                for measure in measures {
                    let series = corpus.entitySeries(MeasureKey(dataset: index, measure: measure)).map { corpus.series[$0] }
                    guard series.count >= 3 else { continue }
                    let periods = Set(series.flatMap { $0.points.map(\.period) }).sorted()
                    guard let last = periods.last else { continue }
                    let ranked = dataset.frequency == .year && periods.count <= Self.maxRankedPeriods ? periods : [last]
                    keys += ranked.map { RankingKey(dataset: index, measure: measure, period: $0) }
                    keys += groups.map { RankingKey(dataset: index, measure: measure, period: last, group: $0) }
                }
            case .table, .samples:
                let entities = Set(dataset.rows.map { EntityKey(row: $0, columns: dataset.columnIndexes(.entity)) }).count
                if entities >= 3 && entities <= Self.maxRankedEntities {
                    keys += measures.map { RankingKey(dataset: index, measure: $0, period: nil) }
                }
                if corpus.layouts[index] == .table { keys += countKeys(index) }
            case .events:
                keys += countKeys(index)
            case .timeline, .sparsePanel:
                break
            }
        }
        return keys
    }

    /// Counts of rows per value of each group column.
    private func countKeys(_ index: Int) -> [RankingKey] {
        corpus.datasets[index].columnIndexes(.group).map { RankingKey(dataset: index, measure: "count", period: nil, countedColumn: $0) }
    }

    /// Every value of every group column.
    private func groupValues(_ dataset: Dataset) -> [GroupValue] {
        dataset.columnIndexes(.group).flatMap { column in
            var seen: [String] = []
            for row in dataset.rows { if let value = row[column].text, !seen.contains(value) { seen.append(value) } }
            return seen.map { GroupValue(column: column, label: dataset.columns[column].label, value: $0) }
        }
    }

    /// Records of tables and sparse panels; summaries of samples and of events' averaged measures.
    private func recordsAndSummaries() -> [KnowledgeCard] {
        let writer = RecordCardWriter(corpus: corpus)
        var cards: [KnowledgeCard] = []
        for (index, dataset) in corpus.datasets.enumerated() {
            let entityColumns = dataset.columnIndexes(.entity)
            switch corpus.layouts[index] {
            case .table, .sparsePanel:
                var order: [EntityKey] = []
                var rows: [EntityKey: [[Cell]]] = [:]
                for row in dataset.rows {
                    let key = EntityKey(row: row, columns: entityColumns)
                    if rows[key] == nil { order.append(key) }
                    rows[key, default: []].append(row)
                }
                cards += order.compactMap { writer.record(dataset: index, key: $0, rows: rows[$0]!) }
            case .samples:
                var names: [String] = []
                for row in dataset.rows {
                    let name = EntityKey(row: row, columns: entityColumns).display
                    if !names.contains(name) { names.append(name) }
                }
                for column in dataset.columnIndexes(.measure) {
                    cards += names.compactMap { writer.summary(dataset: index, column: column, entity: $0) }
                    if let all = writer.summary(dataset: index, column: column, entity: nil) { cards.append(all) }
                }
            case .events:
                for column in dataset.columnIndexes(.measure) where dataset.columns[column].aggregate == .mean {
                    if let all = writer.summary(dataset: index, column: column, entity: nil) { cards.append(all) }
                }
            case .panel, .timeline:
                break
            }
        }
        return cards
    }
}
