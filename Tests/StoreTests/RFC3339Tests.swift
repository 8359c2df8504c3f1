import Testing
@testable import Store

@Suite struct RFC3339Tests {
    /// Known instants, asked in an order that makes the one-second cache both hit and miss.
    @Test func formatsKnownInstants() {
        let cases: [(Int64, String)] = [
            (0, "1970-01-01T00:00:00Z"), (946_684_799, "1999-12-31T23:59:59Z"), (946_684_799, "1999-12-31T23:59:59Z"),
            (1_795_446_472, "2026-11-23T15:07:52Z"), (0, "1970-01-01T00:00:00Z"), (1_795_446_472, "2026-11-23T15:07:52Z"),
        ]
        for (seconds, text) in cases { #expect(RFC3339.format(secondsSince1970: seconds) == text) }
    }
}
