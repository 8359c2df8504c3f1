/// Axis ticks at "nice" values (1, 2, 2.5 or 5 times a power of ten) and their labels.
enum Axis {
    /// About `count` ticks covering `low…high`, and the rounded range they span.
    static func ticks(low: Double, high: Double, count: Int = 5) -> (ticks: [Double], low: Double, high: Double) {
        var low = low, high = high
        if low == high { low -= abs(low) > 0 ? abs(low) * 0.1 : 1; high += abs(high) > 0 ? abs(high) * 0.1 : 1 }
        let step = niceStep((high - low) / Double(max(1, count)))
        let start = (low / step).rounded(.down) * step
        let end = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var value = start
        while value <= end + step / 2 {
            ticks.append(abs(value) < step / 1e6 ? 0 : value)
            value += step
        }
        return (ticks, start, end)
    }

    /// The nice step nearest above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * power
    }

    /// Short labels for value ticks, all in the scale of the largest: "6B", "250M", "25k", "0.5".
    static func labels(_ ticks: [Double]) -> [String] {
        let largest = ticks.map(abs).max() ?? 0
        let (divisor, suffix): (Double, String) = largest >= 1e9 ? (1e9, "B") : largest >= 1e6 ? (1e6, "M") : largest >= 1e4 ? (1e3, "k") : (1, "")
        return ticks.map { divisor == 1 ? NumberText.rounded($0) : NumberText.fixed($0 / divisor, decimals: 2) + suffix }
    }

    /// A step for time ticks in years: whole months under a year, whole years (1, 2, 5, 10…) above.
    static func timeStep(_ raw: Double) -> Double {
        let step = niceStep(raw)
        guard step >= 1 else {
            // Under a year: whole months (1, 2, 3 or 6), so every tick falls on a month's start.
            let months = [1.0, 2, 3, 6].first { $0 / 12 >= raw } ?? 12
            return months / 12
        }
        let power = pow(10, (log10(step)).rounded(.down))
        return step / power == 2.5 ? 2 * power : step
    }

    /// A label for a time tick given as a decimal year: "1990", or "2009-07" for steps under a year.
    static func timeLabel(_ decimalYear: Double, step: Double) -> String {
        if step >= 1 { return String(Int(decimalYear.rounded())) }
        let year = Int(decimalYear.rounded(.down))
        let month = min(12, Int(((decimalYear - Double(year)) * 12).rounded()) + 1)
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}
