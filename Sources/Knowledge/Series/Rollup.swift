/// Rolls a series up into coarser periods (days into months, months into years) by its rule.
enum Rollup {
    /// The points of `points` (of frequency `from`) summed or averaged per `to` period. A sum is
    /// kept only for periods with every sub-period present; a mean needs at least half of them.
    static func roll(_ points: [SeriesPoint], from: Frequency, to: Frequency, rule: Column.Aggregate) -> [SeriesPoint] {
        guard rule != .none else { return [] }
        var buckets: [(period: Period, total: Double, count: Int)] = []
        for point in points {
            let target = point.period.rolled(to: to)
            if let last = buckets.last, last.period == target {
                buckets[buckets.count - 1].total += point.value
                buckets[buckets.count - 1].count += 1
            } else {
                buckets.append((target, point.value, 1))
            }
        }
        return buckets.compactMap { bucket in
            let expected = expectedCount(of: from, in: bucket.period)
            if rule == .sum && bucket.count < expected { return nil }
            if rule == .mean && bucket.count * 2 < expected { return nil }
            return SeriesPoint(period: bucket.period, value: rule == .sum ? bucket.total : bucket.total / Double(bucket.count))
        }
    }

    /// How many periods of `frequency` make up `period`.
    static func expectedCount(of frequency: Frequency, in period: Period) -> Int {
        let (year, month, _, _) = period.parts
        let daysInYear = CivilDate.days(year: year + 1, month: 1, day: 1) - CivilDate.days(year: year, month: 1, day: 1)
        switch (frequency, period.frequency) {
        case (.day, .month): return CivilDate.daysIn(year: year, month: month)
        case (.hour, .month): return CivilDate.daysIn(year: year, month: month) * 24
        case (.day, .year): return daysInYear
        case (.hour, .year): return daysInYear * 24
        case (.month, .year): return 12
        case (.quarter, .year): return 4
        default: return 1
        }
    }
}
