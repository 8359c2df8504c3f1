import Testing
@testable import Runs

/// The scanner and the check of sampled prose: what counts as the same number and what does not.
@Suite struct NumberCheckTests {
    /// The canonical values the English scanner reads in `text`.
    func values(_ text: String, style: NumberStyle = .pointDecimal) -> [String] {
        NumberScanner(style: style).scan(text).map(\.value)
    }

    @Test("separators, trailing zeros, signs and scale words are read as one exact value")
    func canonicalValues() {
        #expect(values("1,234.50 and -3.10 then 0.070") == ["1234.5", "3.1", "0.07"])
        #expect(values("1.5 million and 2 billion people") == ["1500000", "2000000000"])
        #expect(values("from 1952–2007 (2000-01)") == ["1952", "2007", "2000", "1"])
        #expect(values("3rd of 142, +42.2%, 1.42x") == ["3", "142", "42.2", "1.42"])
    }

    @Test("digits glued to a letter are part of a name, not a quantity")
    func namesAreSkipped() {
        #expect(values("CO2 emissions in Q1 of 2008") == ["2008"])
    }

    @Test("a group separator counts only before exactly three digits")
    func grouping() {
        #expect(values("1,23 and 12,345 and 1234,567") == ["1", "23", "12345", "1234", "567"])
    }

    @Test("comma-decimal style reads 1.234,5 as the English 1,234.5")
    func commaStyle() {
        #expect(values("1.234,5 und 72,39 Jahre; 12 345", style: .commaDecimal) == ["1234.5", "72.39", "12345"])
        #expect(NumberStyle.commaDecimal.localize("72.39 years, 1,234.5 people in 2007") == "72,39 years, 1.234,5 people in 2007")
    }

    /// A check over a small fact sheet.
    let check = NumberCheck(supplied: ["Life expectancy, Brazil: 72.39 years in 2007, up from 50.92 in 1952 (+21.47 years, +42.2%)."],
                            citations: 2, style: .pointDecimal, english: true)

    @Test("prose that restates supplied figures passes, however the zeros and separators fall")
    func acceptsSuppliedFigures() {
        #expect(check.problems(in: "Brazil reached 72.390 years in 2007 [1], 21.47 more than in 1952 [2].") == [])
    }

    @Test("a rounded, changed or invented figure is rejected and named")
    func rejectsOtherNumbers() {
        #expect(check.problems(in: "Brazil reached 72.4 years in 2007 [1].") == ["the number 72.4 is not one of the figures supplied"])
        #expect(!check.accepts("Growth was 43% [1]."))
        #expect(!check.accepts("By 2010 it was 73 years."))
    }

    @Test("a citation must name a source that exists")
    func rejectsUnknownCitations() {
        #expect(check.problems(in: "Up 42.2% [3].").contains("citation [3] names no source (there are 2)"))
        #expect(check.accepts("Up 42.2% [1, 2]."))
    }

    @Test("spelled-out quantities are rejected in English prose only")
    func numberWords() {
        #expect(!check.accepts("Life expectancy nearly doubled [1]."))
        #expect(!check.accepts("It rose by twenty years."))
        #expect(check.accepts("One of the largest gains: 21.47 years [1]."))
        let german = NumberCheck(supplied: ["72,39 Jahre"], citations: 1, style: .commaDecimal, english: false)
        #expect(german.accepts("Die Lebenserwartung lag bei 72,39 Jahren [1]."))
        #expect(!german.accepts("Die Lebenserwartung lag bei 72.39 Jahren [1]."))
    }
}
