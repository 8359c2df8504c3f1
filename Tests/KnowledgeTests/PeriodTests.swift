import Testing
@testable import Knowledge

/// Periods parse from the data's normalised texts, order in time and print back unchanged.
@Suite("Periods")
struct PeriodTests {
    @Test("Every normalised form parses with its frequency and prints back the same",
          arguments: [("1952", Frequency.year), ("1959-Q1", .quarter), ("2009-Q3", .quarter), ("2000-01", .month),
                      ("2000-02-29", .day), ("2010-01-01T00:00", .hour), ("2010-12-31T23:00", .hour)])
    func roundTrip(text: String, frequency: Frequency) throws {
        let period = try #require(Period(text))
        #expect(period.frequency == frequency)
        #expect(period.description == text)
    }

    @Test("Malformed periods are refused", arguments: ["195", "1959-Q5", "2000-13", "2001-02-29", "2010-01-01T24:00", "2010/01/01", ""])
    func refusesMalformed(text: String) {
        #expect(Period(text) == nil)
    }

    @Test("Consecutive periods differ by one in ordinal, across year ends")
    func consecutive() throws {
        #expect(try #require(Period("2000-01")).ordinal - (try #require(Period("1999-12"))).ordinal == 1)
        #expect(try #require(Period("1960-Q1")).ordinal - (try #require(Period("1959-Q4"))).ordinal == 1)
        #expect(try #require(Period("2001-01-01")).ordinal - (try #require(Period("2000-12-31"))).ordinal == 1)
        #expect(try #require(Period("1970-01-01")).ordinal == 0)
    }

    @Test("Going back whole years keeps month and day, and 29 February becomes 28")
    func yearsEarlier() throws {
        #expect(try #require(Period("2010-03")).yearsEarlier(5).description == "2005-03")
        #expect(try #require(Period("2008-02-29")).yearsEarlier(1).description == "2007-02-28")
        #expect(try #require(Period("2007")).yearsEarlier(5).description == "2002")
        #expect(try #require(Period("2009-Q3")).yearsEarlier(2).description == "2007-Q3")
    }

    @Test("Decimal years place quarters and months within their year")
    func decimalYear() throws {
        #expect(try #require(Period("1959-Q3")).decimalYear == 1959.5)
        #expect(try #require(Period("2000-07")).decimalYear == 2000.5)
        #expect(try #require(Period("2001-01-01")).decimalYear == 2001)
    }
}
