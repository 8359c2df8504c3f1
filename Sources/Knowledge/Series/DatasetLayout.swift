/// How a data set's rows are laid out, which decides the series and cards it yields.
public enum DatasetLayout: String, Sendable {
    /// Entities observed over time, at least two periods each on average (countries by year).
    case panel
    /// Entities with a time column but about one row each (car models by model year).
    case sparsePanel
    /// No entity column, one row per period (a national series by quarter).
    case timeline
    /// No entity column, several rows per period (events dated by day).
    case events
    /// Entities without time, one row each (airports).
    case table
    /// Entities without time, several rows each (samples of a species).
    case samples

    /// The layout of `dataset`.
    public init(_ dataset: Dataset) {
        let entities = dataset.columnIndexes(.entity)
        let time = dataset.timeColumn
        let rows = dataset.rows.count
        if let time {
            if entities.isEmpty {
                let periods = Set(dataset.rows.compactMap { $0[time].text })
                self = periods.count == rows ? .timeline : .events
            } else {
                let keys = Set(dataset.rows.map { EntityKey(row: $0, columns: entities) })
                self = rows >= keys.count * 2 ? .panel : .sparsePanel
            }
        } else {
            let keys = Set(dataset.rows.map { EntityKey(row: $0, columns: entities) })
            self = keys.count == rows ? .table : .samples
        }
    }
}

/// The values of a row's entity columns, which together name one entity.
public struct EntityKey: Hashable, Sendable {
    /// The names, in column order.
    public var names: [String]

    /// The key of `row` over `columns`.
    init(row: [Cell], columns: [Int]) {
        names = columns.map { row[$0].text ?? "" }
    }

    /// The names joined for display: "Manchuria, Waseca".
    public var display: String { names.joined(separator: ", ") }
}
