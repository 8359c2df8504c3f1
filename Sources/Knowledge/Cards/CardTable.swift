/// A card's data as a table: a header and rows of text cells, written as CSV for `content.data`.
public struct CardTable: Sendable, Equatable {
    /// The column names, with units.
    public var header: [String]
    /// The rows, as the data has the values.
    public var rows: [[String]]

    /// The CSV text (RFC 4180: commas, quotes doubled, CRLF-free lines) of rows `range` with the header.
    public func csv(rows range: Range<Int>? = nil) -> String {
        let selected = range.map { rows[max(0, $0.lowerBound)..<min(rows.count, $0.upperBound)] } ?? rows[...]
        var lines = [Self.line(header)]
        lines.reserveCapacity(selected.count + 1)
        for row in selected { lines.append(Self.line(row)) }
        return lines.joined(separator: "\n")
    }

    /// One CSV line.
    static func line(_ cells: [String]) -> String {
        cells.map { cell in
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }
}

extension String {
    /// The string with every `target` replaced by `replacement` (no Foundation).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension KnowledgeBase {
    /// The table of `card`, made from its recipe.
    public func table(of card: KnowledgeCard) -> CardTable {
        switch card.recipe {
        case .series(let index, let window):
            let series = corpus.series[index]
            let points = window.map { series.points(in: $0) } ?? series.points[...]
            return CardTable(header: [periodLabel(series), columnLabel(series.measure)],
                             rows: points.map { ["\($0.period)", NumberText.plain($0.value)] })
        case .comparison(let indexes, let window):
            return joinedTable(indexes, window: window ?? ComparisonCardWriter(corpus: corpus).commonWindow(indexes, within: nil))
        case .correlation(let a, let b, let window):
            return joinedTable([a, b], window: window ?? ComparisonCardWriter(corpus: corpus).commonWindow([a, b], within: nil))
        case .ranking(let key):
            guard let ranking = corpus.ranking(key) else { return CardTable(header: [], rows: []) }
            return CardTable(header: ["Rank", Phrases.upperFirst(ranking.noun), columnLabel(ranking.measure)],
                             rows: ranking.entries.enumerated().map { ["\($0.offset + 1)", $0.element.name, NumberText.plain($0.element.value)] })
        case .record(let dataset, let key):
            let data = corpus.datasets[dataset]
            return CardTable(header: data.columns.map { column in column.unit.map { "\(column.label) (\($0))" } ?? column.label },
                             rows: RecordCardWriter(corpus: corpus).rows(dataset: dataset, key: key).map { $0.map { $0.text ?? "" } })
        case .summary(let dataset, let column, let entity):
            let data = corpus.datasets[dataset]
            let values = RecordCardWriter(corpus: corpus).sample(dataset: dataset, column: column, entity: entity)
            let measure = Measure(dataset: data, column: column)
            return CardTable(header: ["Row", columnLabel(measure)], rows: values.enumerated().map { ["\($0.offset + 1)", NumberText.plain($0.element)] })
        }
    }

    /// "Year" or "Month": the time column's label.
    private func periodLabel(_ series: Series) -> String {
        if case .rollup = series.scope { return Phrases.upperFirst(series.frequency.rawValue) }
        let dataset = corpus.datasets[series.dataset]
        return dataset.timeColumn.map { dataset.columns[$0].label } ?? "Period"
    }

    /// "Life expectancy at birth (years)".
    private func columnLabel(_ measure: Measure) -> String {
        measure.unit.map { "\(measure.label) (\($0))" } ?? measure.label
    }

    /// Series side by side on the union of their periods within `window`; a missing value is empty.
    private func joinedTable(_ indexes: [Int], window: PeriodWindow?) -> CardTable {
        let all = indexes.map { corpus.series[$0] }
        var periods: Set<Period> = []
        for series in all { for point in window.map({ series.points(in: $0) }) ?? series.points[...] { periods.insert(point.period) } }
        let header = [periodLabel(all[0])] + all.map { "\(corpus.subjectLabel($0)) – \(columnLabel($0.measure))" }
        let rows = periods.sorted().map { period in
            ["\(period)"] + all.map { $0.value(at: period).map(NumberText.plain) ?? "" }
        }
        return CardTable(header: header, rows: rows)
    }
}
