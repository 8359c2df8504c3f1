import Testing
@testable import Knowledge

/// The derived figures, against values worked out by hand.
@Suite("Statistics")
struct StatisticsTests {
    func points(_ values: [Double], from year: Int = 2000) -> [SeriesPoint] {
        values.enumerated().map { SeriesPoint(period: Period(frequency: .year, year: year + $0.offset), value: $0.element) }
    }

    @Test("Change, growth, ratio, extremes, average and median of a window")
    func window() throws {
        let stats = try #require(WindowStatistics(points([10, 30, 5, 20])))
        #expect(stats.change == 10)
        #expect(stats.growthPercent == 100)
        #expect(stats.ratio == 2)
        #expect(stats.peak.value == 30 && stats.peak.period.description == "2001")
        #expect(stats.trough.value == 5 && stats.trough.period.description == "2002")
        #expect(stats.average == 16.25)
        #expect(stats.median == 15)
        #expect(stats.count == 4)
    }

    @Test("Compound yearly growth needs two years and positive ends")
    func yearlyGrowth() throws {
        let doubled = try #require(WindowStatistics(points([100, 0, 0, 0, 400])))
        #expect(abs(doubled.yearlyGrowthPercent(frequency: .year)! - 41.421356) < 1e-5)
        #expect(WindowStatistics(points([1, 2]))!.yearlyGrowthPercent(frequency: .year) == nil)
        #expect(WindowStatistics(points([-1, 2, 3]))!.growthPercent == nil)
    }

    @Test("Pearson correlation on common periods only")
    func correlation() throws {
        let a = points([1, 2, 3, 4])
        let b = points([2, 4, 6, 8, 99], from: 2000)
        let (r, n) = try #require(CrossStatistics.correlation(a, b))
        #expect(abs(r - 1) < 1e-12)
        #expect(n == 4)
        let flat = points([5, 5, 5])
        #expect(CrossStatistics.correlation(a, flat) == nil)
    }

    @Test("Ranks count the values strictly above, so ties share the better rank")
    func ranks() {
        #expect(CrossStatistics.rank(of: 5, among: [9, 5, 5, 1]) == 2)
        #expect(CrossStatistics.rank(of: 9, among: [9, 5, 5, 1]) == 1)
        #expect(CrossStatistics.rank(of: 1, among: [9, 5, 5, 1]) == 4)
    }

    @Test("Numbers are written readably and never invent precision",
          arguments: [(1_318_683_096.0, "1,318,683,096"), (72.39, "72.39"), (28.801, "28.8"), (0.18347, "0.183"), (-3.14159, "-3.14"),
                      (9065.8, "9,066"), (0, "0"), (0.000123, "0.000123")])
    func numbers(value: Double, text: String) {
        #expect(NumberText.rounded(value) == text)
    }

    @Test("Percentages, ratios and changes carry a sign or an x")
    func signs() {
        #expect(NumberText.percent(42.18) == "+42.2%")
        #expect(NumberText.percent(-27.66) == "-27.7%")
        #expect(NumberText.ratio(1.4218) == "1.42x")
        #expect(NumberText.signed(21.473) == "+21.47")
        #expect(NumberText.stated(8425333) == "8,425,333")
        #expect(NumberText.plain(28.801) == "28.801")
    }
}
