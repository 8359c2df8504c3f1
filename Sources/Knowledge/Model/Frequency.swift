/// How often a data set's time column ticks.
public enum Frequency: String, Sendable, CaseIterable {
    /// One value per year: `1952`.
    case year
    /// One value per quarter: `1959-Q1`.
    case quarter
    /// One value per month: `2000-01`.
    case month
    /// One value per day: `2000-01-01`.
    case day
    /// One value per hour: `2010-01-01T00:00`.
    case hour
    /// No time column.
    case none

    /// The adjective used in descriptions: "yearly", "quarterly".
    public var adjective: String {
        switch self {
        case .year: "yearly"
        case .quarter: "quarterly"
        case .month: "monthly"
        case .day: "daily"
        case .hour: "hourly"
        case .none: "undated"
        }
    }

    /// How many periods make a year (0 for `none`); days and hours count a 365-day year.
    public var periodsPerYear: Double {
        switch self {
        case .year: 1
        case .quarter: 4
        case .month: 12
        case .day: 365
        case .hour: 365 * 24
        case .none: 0
        }
    }
}
