/// What a series measures: a measure column of its data set, or a count of its rows.
public struct Measure: Sendable, Equatable {
    /// The column measured; nil for a count of rows.
    public var column: Int?
    /// The slug used in card ids: the column name, or `count`.
    public var slug: String
    /// A readable label: "Life expectancy at birth".
    public var label: String
    /// The unit; nil when there is none.
    public var unit: String?
    /// Whether the unit was inferred rather than stated by the package.
    public var unitInferred: Bool
    /// How the values combine across entities and periods.
    public var aggregate: Column.Aggregate
    /// The unit for a value of exactly 1, for counts ("1 death"); nil when it does not change.
    public var singularUnit: String?

    /// The measure of column `index` of `dataset`.
    init(dataset: Dataset, column index: Int) {
        let column = dataset.columns[index]
        self.column = index
        slug = Slug.make(column.name)
        label = column.label
        unit = column.unit
        unitInferred = column.unitInferred
        aggregate = column.aggregate ?? .none
        singularUnit = nil
    }

    /// The count of a data set's rows, each row being one `noun` (singular).
    init(countOf noun: String) {
        column = nil
        slug = "count"
        label = "Number of " + Plural.of(noun)
        unit = Plural.of(noun)
        unitInferred = false
        aggregate = .sum
        singularUnit = noun
    }

    /// "years" or "years (inferred)": the unit as a card states it.
    public var unitPhrase: String {
        guard let unit else { return "no unit" }
        return unitInferred ? "\(unit) (inferred)" : unit
    }

    /// `value` written with this measure's unit.
    public func format(_ value: Double, stated: Bool = false) -> String {
        NumberText.withUnit(stated ? NumberText.stated(value) : NumberText.rounded(value), value == 1 ? singularUnit ?? unit : unit)
    }
}

/// English plurals for column labels ("Country" → "countries").
enum Plural {
    /// The lower-cased plural of a noun phrase's last word.
    static func of(_ noun: String) -> String {
        let lower = noun.lowercased()
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("ch") || lower.hasSuffix("sh") { return lower + "es" }
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) {
            return lower.dropLast() + "ies"
        }
        return lower + "s"
    }
}
