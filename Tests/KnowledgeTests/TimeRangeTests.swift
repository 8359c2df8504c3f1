import Testing
@testable import Knowledge

/// Time ranges read from questions, and the windows they select in a series.
@Suite("Time ranges")
struct TimeRangeTests {
    @Test("Ranges are read from common phrasings", arguments: [
        ("since 1990", TimeRange.years(from: 1990, to: nil)), ("between 2008 and 2010", .years(from: 2008, to: 2010)),
        ("from 1960 to 1970", .years(from: 1960, to: 1970)), ("1990-2000", .years(from: 1990, to: 2000)),
        ("in 2007", .year(2007)), ("before 1960", .years(from: nil, to: 1959)), ("until 1980", .years(from: nil, to: 1980)),
        ("over the last 5 years", .last(count: 5, unit: .year)), ("the past ten years", .last(count: 10, unit: .year)),
        ("last decade", .last(count: 10, unit: .year)), ("in the 1990s", .years(from: 1990, to: 1999)),
        ("last 18 months", .last(count: 18, unit: .month)),
    ])
    func reads(text: String, range: TimeRange) {
        #expect(TimeRangeReader.read(Tokenizer.words(text))?.range == range)
    }

    @Test("No range is read from a question without one")
    func none() {
        #expect(TimeRangeReader.read(Tokenizer.words("life expectancy of Brazil")) == nil)
    }

    @Test("\"The last 5 years\" counts back from each series' own last period")
    func relativeToLastPeriod() throws {
        let base = KnowledgeBase.embedded
        let brazil = try #require(base.corpus.series(id: "gapminder.lifeexp.brazil"))
        #expect(TimeRange.last(count: 5, unit: .year).window(for: brazil)?.label == "2002–2007")
        let msft = try #require(base.corpus.series(id: "stocks.price.msft"))
        #expect(TimeRange.last(count: 5, unit: .year).window(for: msft)?.label == "2005-03–2010-03")
        #expect(TimeRange.last(count: 18, unit: .month).window(for: msft)?.label == "2008-09–2010-03")
        let gdp = try #require(base.corpus.series(id: "macrodata.realgdp"))
        #expect(TimeRange.years(from: 2008, to: 2010).window(for: gdp)?.label == "2008-Q1–2009-Q3")
    }

    @Test("A range outside a series selects nothing")
    func outside() throws {
        let brazil = try #require(KnowledgeBase.embedded.corpus.series(id: "gapminder.lifeexp.brazil"))
        #expect(TimeRange.year(2023).window(for: brazil) == nil)
        #expect(TimeRange.years(from: 1800, to: 1900).window(for: brazil) == nil)
    }
}
