/// One measure of one subject over time: the unit every card, figure and chart is made from.
public struct Series: Sendable {
    /// The id of the series' own card, e.g. `gapminder.lifeexp.brazil`.
    public var id: String
    /// The index of its data set in the knowledge base.
    public var dataset: Int
    /// What is measured.
    public var measure: Measure
    /// Whose values these are.
    public var scope: SeriesScope
    /// The periods' frequency.
    public var frequency: Frequency
    /// The values present, oldest first; missing values are left out.
    public var points: [SeriesPoint]
    /// For combined series: how many members each point combines (same order as `points`).
    public var memberCounts: [Int]

    /// Creates a series.
    public init(id: String, dataset: Int, measure: Measure, scope: SeriesScope, frequency: Frequency,
                points: [SeriesPoint], memberCounts: [Int] = []) {
        self.id = id
        self.dataset = dataset
        self.measure = measure
        self.scope = scope
        self.frequency = frequency
        self.points = points
        self.memberCounts = memberCounts
    }

    /// The first period with a value.
    public var first: SeriesPoint? { points.first }
    /// The last period with a value.
    public var last: SeriesPoint? { points.last }

    /// The value at `period`, if the series has one.
    public func value(at period: Period) -> Double? {
        var low = 0, high = points.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if points[middle].period == period { return points[middle].value }
            if points[middle].period < period { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// The points within `window` (both ends included).
    public func points(in window: PeriodWindow) -> ArraySlice<SeriesPoint> {
        let start = points.firstIndex { $0.period >= window.start } ?? points.endIndex
        let end = points.lastIndex { $0.period <= window.end }.map { $0 + 1 } ?? points.startIndex
        return start < end ? points[start..<end] : []
    }

    /// The whole span of the series as a window; nil when it is empty.
    public var span: PeriodWindow? {
        guard let first, let last else { return nil }
        return PeriodWindow(start: first.period, end: last.period)
    }
}

/// One value of a series.
public struct SeriesPoint: Sendable, Equatable {
    /// When.
    public var period: Period
    /// The value, in the measure's unit.
    public var value: Double

    /// Creates a point.
    public init(period: Period, value: Double) {
        self.period = period
        self.value = value
    }
}

/// A closed range of periods of one frequency.
public struct PeriodWindow: Sendable, Equatable {
    /// The first period included.
    public var start: Period
    /// The last period included.
    public var end: Period

    /// Creates a window.
    public init(start: Period, end: Period) {
        self.start = start
        self.end = end
    }

    /// "1952–2007", or "2007" for a window of one period.
    public var label: String { start == end ? "\(start)" : "\(start)–\(end)" }

    /// The id suffix: "1952..2007".
    public var idText: String { "\(start)..\(end)" }
}

/// A value of a group column (or of one entity column among several), e.g. continent = Asia.
public struct GroupValue: Sendable, Equatable, Hashable {
    /// The column's index.
    public var column: Int
    /// The column's label, e.g. "Continent".
    public var label: String
    /// The value, e.g. "Asia".
    public var value: String
}

/// Whose values a series holds.
public enum SeriesScope: Sendable, Equatable {
    /// One entity: the values of its entity columns and of its group columns.
    case entity(names: [String], groups: [GroupValue])
    /// The entities that share a group value, combined by the measure's aggregate rule.
    case group(GroupValue, members: Int, noun: String)
    /// Every entity of the data set, combined by the aggregate rule.
    case total(members: Int, noun: String)
    /// The data set's only series of this measure (it has no entity column).
    case whole
    /// A `whole` series summed or averaged into coarser periods.
    case rollup(from: Frequency)

    /// The subject's name: "Brazil", "Asia", "All 142 countries"; empty for a whole data set.
    public var name: String {
        switch self {
        case .entity(let names, _): names.joined(separator: ", ")
        case .group(let group, _, _): group.value
        case .total(let members, let noun): "All \(members) \(noun)"
        case .whole, .rollup: ""
        }
    }

    /// The entity names, for the index and for matching.
    public var entityNames: [String] {
        if case .entity(let names, _) = self { return names }
        if case .group(let group, _, _) = self { return [group.value] }
        return []
    }

    /// Whether the series combines several entities.
    public var isCombined: Bool {
        switch self {
        case .group, .total: true
        default: false
        }
    }
}
