@testable import Knowledge

/// Figures worked out by the tests from the raw rows, to hold the engine's cards against.
enum Oracle {
    /// A gapminder measure of one country, by year.
    static func gapminder(_ country: String, _ measure: String) -> [(String, Double)] {
        RawData.series("gapminder", time: "year", measure: measure, where: "country", is: country)
    }

    /// The value at `period` in `series`.
    static func value(_ series: [(String, Double)], at period: String) -> Double? {
        series.first { $0.0 == period }?.1
    }

    /// The pairs from `start` to `end` (inclusive, by text order, which is time order for one frequency).
    static func window(_ series: [(String, Double)], _ start: String, _ end: String) -> [(String, Double)] {
        series.filter { $0.0 >= start && $0.0 <= end }
    }

    /// Pearson's r of two equal-length lists.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        return sxy / (sxx * syy).squareRoot()
    }

    /// The figure of `kind` (for `subject`, if given) on `card`.
    static func figure(_ card: KnowledgeCard, _ kind: Figure.Kind, subject: String? = nil) -> Figure? {
        card.figures.first { $0.kind == kind && (subject == nil || $0.subject == subject) }
    }

    /// Whether two numbers agree to a relative 1e-9.
    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}
