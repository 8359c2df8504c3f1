/// One number a card states, computed from the data, with what it is, its unit and its period.
///
/// Cards carry their figures both in prose (the description) and as these values, so a client
/// or a test can check every number against the raw series.
public struct Figure: Sendable, Equatable {
    /// What kind of number this is.
    public enum Kind: String, Sendable {
        /// The value at a period.
        case value
        /// The last value of the window.
        case latest
        /// The first value of the window.
        case first
        /// Last minus first, in the measure's unit.
        case change
        /// The change as a percentage of the first value.
        case growthPercent = "growth_percent"
        /// Last divided by first.
        case ratio
        /// The compound yearly growth rate, in percent.
        case yearlyGrowthPercent = "yearly_growth_percent"
        /// The highest value.
        case peak
        /// The lowest value.
        case trough
        /// The mean of the values in the window.
        case average
        /// The value as a percentage of a total.
        case sharePercent = "share_percent"
        /// The position when sorted highest first (1 = highest).
        case rank
        /// Pearson's correlation of two series on their common periods.
        case correlation
        /// How many values there are.
        case count
        /// The median of the values.
        case median
        /// One series' value divided by another's at the same period.
        case relativeRatio = "relative_ratio"
    }

    /// What kind of number this is.
    public var kind: Kind
    /// Whose number it is: a series or card id.
    public var subject: String
    /// The number.
    public var value: Double
    /// Its unit: the measure's, "%", "x", "rank" or nil.
    public var unit: String?
    /// The period it refers to: "2007" or a window "1952–2007".
    public var period: String
    /// The number as the description writes it, with its unit.
    public var text: String

    /// Creates a figure.
    public init(kind: Kind, subject: String, value: Double, unit: String?, period: String, text: String) {
        self.kind = kind
        self.subject = subject
        self.value = value
        self.unit = unit
        self.period = period
        self.text = text
    }
}
