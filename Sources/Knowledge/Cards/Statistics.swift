/// The derived figures of a stretch of a series: pure arithmetic on its points.
public struct WindowStatistics: Sendable, Equatable {
    /// The first point.
    public var first: SeriesPoint
    /// The last point.
    public var last: SeriesPoint
    /// The highest point (the earliest if tied).
    public var peak: SeriesPoint
    /// The lowest point (the earliest if tied).
    public var trough: SeriesPoint
    /// The mean of the values.
    public var average: Double
    /// The median of the values.
    public var median: Double
    /// How many values there are.
    public var count: Int

    /// The statistics of `points`; nil when there are none.
    public init?(_ points: some Collection<SeriesPoint>) {
        guard let head = points.first else { return nil }
        var last = head, peak = head, trough = head, total = 0.0, count = 0
        var values: [Double] = []
        values.reserveCapacity(points.count)
        for point in points {
            last = point
            if point.value > peak.value { peak = point }
            if point.value < trough.value { trough = point }
            total += point.value
            count += 1
            values.append(point.value)
        }
        values.sort()
        first = head
        self.last = last
        self.peak = peak
        self.trough = trough
        self.count = count
        average = total / Double(count)
        median = count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2
    }

    /// Last minus first.
    public var change: Double { last.value - first.value }

    /// The change in percent of the first value; nil unless both values are positive.
    public var growthPercent: Double? {
        guard first.value > 0, last.value > 0 else { return nil }
        return (last.value / first.value - 1) * 100
    }

    /// Last over first; nil unless both values are positive.
    public var ratio: Double? {
        guard first.value > 0, last.value > 0 else { return nil }
        return last.value / first.value
    }

    /// The compound growth per year in percent, for windows of at least two years; nil unless
    /// both values are positive.
    public func yearlyGrowthPercent(frequency: Frequency) -> Double? {
        guard let ratio, frequency.periodsPerYear > 0 else { return nil }
        let years = Double(last.period.ordinal - first.period.ordinal) / frequency.periodsPerYear
        guard years >= 2 else { return nil }
        return (pow(ratio, 1 / years) - 1) * 100
    }
}

/// Statistics across series.
public enum CrossStatistics {
    /// Pearson's correlation of two series over the periods both have (at least three); nil
    /// when either is constant there.
    public static func correlation(_ a: some Collection<SeriesPoint>, _ b: some Collection<SeriesPoint>) -> (value: Double, count: Int)? {
        var lookup: [Period: Double] = [:]
        for point in b { lookup[point.period] = point.value }
        var pairs: [(Double, Double)] = []
        for point in a { if let other = lookup[point.period] { pairs.append((point.value, other)) } }
        guard pairs.count >= 3 else { return nil }
        let n = Double(pairs.count)
        let meanX = pairs.reduce(0) { $0 + $1.0 } / n
        let meanY = pairs.reduce(0) { $0 + $1.1 } / n
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for (x, y) in pairs {
            covariance += (x - meanX) * (y - meanY)
            varianceX += (x - meanX) * (x - meanX)
            varianceY += (y - meanY) * (y - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return (covariance / (varianceX * varianceY).squareRoot(), pairs.count)
    }

    /// The 1-based rank of `value` among `values`, highest first (ties share the better rank).
    public static func rank(of value: Double, among values: [Double]) -> Int {
        values.reduce(1) { $1 > value ? $0 + 1 : $0 }
    }
}

extension Measure {
    /// Whether ratios of values mean something: not for percentages, temperatures or angles.
    public var isRatioScale: Bool {
        guard let unit else { return true }
        let intervalUnits: Set<String> = ["%", "°F", "°C", "degrees", "percentage points", "percent per year"]
        return !intervalUnits.contains(unit)
    }

    /// How a change is worded: percentage points for percentages, else the unit.
    public func formatChange(_ change: Double) -> String {
        if unit == "%" || unit == "percent per year" { return NumberText.signed(change) + " percentage points" }
        return NumberText.withUnit(NumberText.signed(change), unit)
    }
}
