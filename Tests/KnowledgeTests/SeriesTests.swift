import Testing
@testable import Knowledge

/// Series are made per entity and measure, and combined only as each measure's rule allows.
@Suite("Series")
struct SeriesTests {
    let corpus = Fixtures.base.corpus

    @Test("Each entity gets a series per measure, missing values left out")
    func entitySeries() throws {
        let widgets = try #require(corpus.series(id: "fixture-panel.widgets.cc"))
        #expect(widgets.points.map(\.period.description) == ["2000", "2001", "2003"])
        #expect(widgets.points.map(\.value) == [1, 2, 4])
        if case .entity(let names, let groups) = widgets.scope {
            #expect(names == ["Cc"])
            #expect(groups.map(\.value) == ["South"])
        } else {
            Issue.record("not an entity series")
        }
    }

    @Test("A summed measure is combined per group and in total only where every member has a value")
    func sums() throws {
        let north = try #require(corpus.series(id: "fixture-panel.widgets.region-north"))
        #expect(north.points.map(\.value) == [15, 25, 45, 50])
        let total = try #require(corpus.series(id: "fixture-panel.widgets.all"))
        #expect(total.points.map(\.period.description) == ["2000", "2001", "2003"])
        #expect(total.points.map(\.value) == [16, 27, 54])
    }

    @Test("An averaged measure is the unweighted mean of the members")
    func means() throws {
        let total = try #require(corpus.series(id: "fixture-panel.temp.all"))
        let expected: [Double] = [(5 + 1 + 20) / 3, (6 + 2 + 21) / 3, (7 + 3 + 22) / 3, (8 + 4 + 23) / 3]
        #expect(total.points.map(\.value) == expected)
    }

    @Test("A measure whose rule is none is never combined")
    func noneIsNotCombined() {
        #expect(corpus.series(id: "fixture-panel.price.all") == nil)
        #expect(corpus.series(id: "fixture-panel.price.region-north") == nil)
        #expect(corpus.series(id: "fixture-panel.price.aa") != nil)
    }

    @Test("Daily values roll up into months; a sum skips a month with a day missing")
    func rollups() throws {
        let monthly = try #require(corpus.series(id: "fixture-daily.rain.monthly"))
        #expect(monthly.points.map(\.period.description) == ["2001-01"])
        #expect(monthly.points.map(\.value) == [Double((1...31).reduce(0, +))])
        #expect(corpus.series(id: "fixture-daily.rain.yearly") == nil)
    }

    @Test("Series ids are unique and safe in a URI path")
    func idsAreUnique() {
        let ids = KnowledgeBase.embedded.corpus.series.map(\.id)
        #expect(Set(ids).count == ids.count)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
        #expect(ids.allSatisfy { $0.allSatisfy(allowed.contains) })
    }
}
