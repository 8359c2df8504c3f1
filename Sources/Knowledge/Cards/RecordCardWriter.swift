/// Writes record cards (one entity's rows, as the data has them) and summary cards (statistics
/// of one measure over an entity's repeated rows).
struct RecordCardWriter {
    /// The data sets.
    let corpus: Corpus

    /// The rows of `dataset` whose entity is `key`.
    func rows(dataset index: Int, key: EntityKey) -> [[Cell]] {
        let dataset = corpus.datasets[index]
        let columns = dataset.columnIndexes(.entity)
        return dataset.rows.filter { EntityKey(row: $0, columns: columns) == key }
    }

    /// The record card of entity `key` in data set `index`, with the given rows of it.
    func record(dataset index: Int, key: EntityKey, rows: [[Cell]]) -> KnowledgeCard? {
        guard !rows.isEmpty else { return nil }
        let dataset = corpus.datasets[index]
        let entityColumns = dataset.columnIndexes(.entity)
        let label = entityColumns.map { dataset.columns[$0].label }.joined(separator: ", ")
        let id = "\(dataset.id).\(key.names.map(Slug.make).joined(separator: "."))"
        var figures: [Figure] = []
        var lines: [String] = []
        var measures: [Measure] = []
        for row in rows {
            var parts: [String] = []
            var period = "all rows"
            if let time = dataset.timeColumn, let text = row[time].text { period = text; parts.append("\(dataset.columns[time].label) \(text)") }
            for (column, info) in dataset.columns.enumerated() where !entityColumns.contains(column) && column != dataset.timeColumn {
                switch info.role {
                case .measure:
                    let measure = Measure(dataset: dataset, column: column)
                    if !measures.contains(measure) { measures.append(measure) }
                    guard let value = row[column].number else { parts.append("\(Phrases.lowerFirst(info.label)) not given"); continue }
                    let text = measure.format(value, stated: true)
                    figures.append(Figure(kind: .value, subject: id, value: value, unit: measure.unit, period: period, text: text))
                    parts.append("\(Phrases.lowerFirst(info.label)) \(text)")
                default:
                    if let text = row[column].text, !text.isEmpty { parts.append("\(Phrases.lowerFirst(info.label)) \(text)") }
                }
            }
            lines.append(parts.joined(separator: ", "))
        }
        let description = "\(label) \(key.display): " + lines.joined(separator: "; ") + ". "
            + corpus.provenanceSentence(index, measures: measures)
        let attributes = rows[0].indices.filter { dataset.columns[$0].role == .attribute || dataset.columns[$0].role == .group }
            .compactMap { rows[0][$0].text }
        let title = "\(label) \(key.display)" + (attributes.first.map { ": \($0)" } ?? "") + " — \(corpus.shortTitle(index))"
        return KnowledgeCard(
            id: id, kind: .record, title: title, description: description,
            semanticDescription: "Record of \(label.lowercased()) \(key.display) in \(dataset.title), \(rows.count) row(s).",
            figures: figures, datasets: [index], entities: key.names + attributes, measures: measures.map(\.label),
            recipe: .record(dataset: index, key: key))
    }

    /// The values of `column` in `dataset`'s rows of entity `entity` (all rows when nil).
    func sample(dataset index: Int, column: Int, entity: String?) -> [Double] {
        let dataset = corpus.datasets[index]
        let entityColumns = dataset.columnIndexes(.entity)
        return dataset.rows.compactMap { row in
            if let entity, EntityKey(row: row, columns: entityColumns).display != entity { return nil }
            return row[column].number
        }
    }

    /// The summary card of measure `column` over the rows of `entity` (all rows when nil).
    func summary(dataset index: Int, column: Int, entity: String?) -> KnowledgeCard? {
        let dataset = corpus.datasets[index]
        let values = sample(dataset: index, column: column, entity: entity)
        guard !values.isEmpty else { return nil }
        let measure = Measure(dataset: dataset, column: column)
        let points = values.enumerated().map { SeriesPoint(period: Period(frequency: .none, ordinal: $0.offset), value: $0.element) }
        let stats = WindowStatistics(points)!
        let subject = entity ?? "All \(values.count) rows"
        let id = "\(dataset.id).\(measure.slug).\(entity.map(Slug.make) ?? "all")"
        let scope = entity.map { "\($0) rows" } ?? "all rows"
        var figures: [Figure] = []
        func figure(_ kind: Figure.Kind, _ value: Double) -> String {
            let text = measure.format(value)
            figures.append(Figure(kind: kind, subject: id, value: value, unit: measure.unit, period: scope, text: text))
            return text
        }
        let mean = figure(.average, stats.average), median = figure(.median, stats.median)
        let low = figure(.trough, stats.trough.value), high = figure(.peak, stats.peak.value)
        figures.append(Figure(kind: .count, subject: id, value: Double(values.count), unit: "rows", period: scope, text: "\(values.count) rows"))
        let sentence = "\(measure.label), \(subject): mean \(mean), median \(median), lowest \(low), highest \(high)"
            + " over \(values.count) rows."
        return KnowledgeCard(
            id: id, kind: .summary, title: "\(subject): \(Phrases.lowerFirst(measure.label)) — \(corpus.shortTitle(index))",
            description: sentence + " " + corpus.provenanceSentence(index, measures: [measure]),
            semanticDescription: "Summary statistics of \(Phrases.lowerFirst(measure.label)) (\(measure.unitPhrase)) for"
                + " \(entity ?? "all rows") in \(dataset.title).",
            figures: figures, datasets: [index], entities: entity.map { [$0] } ?? [], measures: [measure.label],
            recipe: .summary(dataset: index, column: column, entity: entity))
    }
}
