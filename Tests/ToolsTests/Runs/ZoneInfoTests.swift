import Testing
@testable import Tools

/// Time zones from the system's tz database: transitions and the POSIX rule after them.
@Suite struct ZoneInfoTests {
    @Test("New York is EST in winter and EDT in summer, switching on the second Sunday of March at 2:00")
    func newYork() throws {
        let zone = try #require(ZoneInfo.load("America/New_York"))
        #expect(zone.format(1_798_761_600) == "2026-12-31 19:00 EST") // 2027-01-01T00:00Z
        #expect(zone.format(1_783_036_800) == "2026-07-02 20:00 EDT") // 2026-07-03T00:00Z
        #expect(zone.offset(at: 1_805_007_599).abbreviation == "EST") // 2027-03-14T06:59:59Z, 01:59:59 local
        #expect(zone.offset(at: 1_805_007_600).abbreviation == "EDT") // 07:00Z = 02:00 EST → 03:00 EDT
    }

    @Test("southern and fractional zones: Sydney's daylight time spans the new year; Tehran keeps +0330")
    func southernAndFractional() throws {
        let sydney = try #require(ZoneInfo.load("Australia/Sydney"))
        #expect(sydney.offset(at: 1_798_761_600).seconds == 11 * 3600)
        #expect(sydney.offset(at: 1_783_036_800).seconds == 10 * 3600)
        let tehran = try #require(ZoneInfo.load("Asia/Tehran"))
        #expect(tehran.offset(at: 1_798_761_600).seconds == 12_600)
        #expect(ZoneInfo.load("UTC")?.format(0) == "1970-01-01 00:00 UTC")
    }

    @Test("names that are not zones, or try to leave the folder, are refused", arguments: ["Mars/Base", "../etc/passwd", "/etc/passwd", "", "America/", "Europe/./Paris"])
    func refused(name: String) {
        #expect(ZoneInfo.load(name) == nil)
    }

    @Test("POSIX rules parse standard, daylight and change days")
    func rules() throws {
        let rule = try #require(PosixZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(rule.standard == ZoneInfo.Offset(seconds: 3600, abbreviation: "CET"))
        #expect(rule.daylight?.offset == ZoneInfo.Offset(seconds: 7200, abbreviation: "CEST"))
        #expect(rule.daylight?.end == PosixZoneRule.Change(day: .weekday(month: 10, week: 5, day: 0), time: 10_800))
        #expect(PosixZoneRule("<+0330>-3:30")?.standard == ZoneInfo.Offset(seconds: 12_600, abbreviation: "+0330"))
        #expect(PosixZoneRule("EST5EDT,M3.2.0") == nil)
    }
}
