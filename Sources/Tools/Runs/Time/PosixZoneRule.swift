/// A POSIX TZ rule, as TZif files end with: `EST5EDT,M3.2.0,M11.1.0`, `CET-1CEST,M3.5.0,M10.5.0/3`,
/// `<+0330>-3:30`, `UTC0`. Standard and daylight offsets, and when daylight time starts and ends
/// (`Mm.w.d[/time]`, `Jn[/time]` or `n[/time]`).
struct PosixZoneRule: Sendable, Equatable {
    /// A day of the year on which a change happens, and the local time of day it happens at.
    struct Change: Sendable, Equatable {
        /// How the day is named.
        enum Day: Sendable, Equatable {
            /// Day `d` (0 = Sunday) of week `w` (1–4, 5 = last) of month `m`.
            case weekday(month: Int, week: Int, day: Int)
            /// Day 1–365 not counting 29 February.
            case julian(Int)
            /// Day 0–365 counting 29 February.
            case zeroBased(Int)
        }

        /// The day.
        var day: Day
        /// Seconds after local midnight (may be negative or past a day).
        var time: Int
    }

    /// Standard time.
    var standard: ZoneInfo.Offset
    /// Daylight time and its start and end, when the zone has one.
    var daylight: (offset: ZoneInfo.Offset, start: Change, end: Change)?

    static func == (lhs: PosixZoneRule, rhs: PosixZoneRule) -> Bool {
        lhs.standard == rhs.standard && lhs.daylight?.offset == rhs.daylight?.offset
            && lhs.daylight?.start == rhs.daylight?.start && lhs.daylight?.end == rhs.daylight?.end
    }

    /// Parses a rule; nil when it is not one.
    init?(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard let standardName = scanner.name(), let standardOffset = scanner.offset() else { return nil }
        standard = ZoneInfo.Offset(seconds: -standardOffset, abbreviation: standardName)
        guard !scanner.atEnd else { return }
        guard let daylightName = scanner.name() else { return nil }
        var daylightSeconds = standard.seconds + 3600
        if !scanner.at(","), let explicit = scanner.offset() { daylightSeconds = -explicit }
        guard scanner.take(","), let start = scanner.change(), scanner.take(","), let end = scanner.change(), scanner.atEnd else { return nil }
        daylight = (ZoneInfo.Offset(seconds: daylightSeconds, abbreviation: daylightName), start, end)
    }

    /// The offset at `time` (Unix seconds).
    func offset(at time: Int64) -> ZoneInfo.Offset {
        guard let daylight else { return standard }
        let year = Civil.date(days: Int(floorDivide(time + Int64(standard.seconds), 86_400))).year
        let start = Self.instant(daylight.start, year: year) - Int64(standard.seconds)
        let end = Self.instant(daylight.end, year: year) - Int64(daylight.offset.seconds)
        let inDaylight = start < end ? (time >= start && time < end) : (time < end || time >= start)
        return inDaylight ? daylight.offset : standard
    }

    /// The local instant (seconds since 1970, as if local time were UTC) of `change` in `year`.
    static func instant(_ change: Change, year: Int) -> Int64 {
        let days: Int
        switch change.day {
        case .weekday(let month, let week, let weekday):
            let first = Civil.days(year: year, month: month, day: 1)
            let firstWeekday = ((first % 7) + 11) % 7 // 1970-01-01 was a Thursday (4).
            var day = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            while day > Civil.daysIn(year: year, month: month) { day -= 7 }
            days = first + day - 1
        case .julian(let number):
            let leap = Civil.daysIn(year: year, month: 2) == 29
            days = Civil.days(year: year, month: 1, day: 1) + number - 1 + (leap && number >= 60 ? 1 : 0)
        case .zeroBased(let number):
            days = Civil.days(year: year, month: 1, day: 1) + number
        }
        return Int64(days) * 86_400 + Int64(change.time)
    }

    /// Reads the parts of a rule.
    struct Scanner {
        /// The rule's bytes.
        let bytes: [UInt8]
        /// The next byte to read.
        var index = 0

        /// A scanner over `bytes`.
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// Whether everything was read.
        var atEnd: Bool { index >= bytes.count }

        /// Whether the next byte is `character`.
        func at(_ character: Character) -> Bool { !atEnd && bytes[index] == character.asciiValue }

        /// Reads `character` if it is next.
        mutating func take(_ character: Character) -> Bool {
            guard at(character) else { return false }
            index += 1
            return true
        }

        /// A zone abbreviation: three or more letters, or anything in angle brackets.
        mutating func name() -> String? {
            let start = index
            if take("<") {
                while !atEnd, bytes[index] != UInt8(ascii: ">") { index += 1 }
                guard take(">") else { return nil }
                return String(decoding: bytes[(start + 1)..<(index - 1)], as: UTF8.self)
            }
            while !atEnd, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[index] & 0xDF) { index += 1 }
            return index - start >= 3 ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }

        /// A signed `hh[:mm[:ss]]` in seconds.
        mutating func offset() -> Int? {
            var sign = 1
            if take("-") { sign = -1 } else { _ = take("+") }
            guard let hours = number() else { return nil }
            var seconds = hours * 3600
            if take(":") { seconds += (number() ?? 0) * 60 }
            if take(":") { seconds += number() ?? 0 }
            return sign * seconds
        }

        /// A run of digits.
        mutating func number() -> Int? {
            let start = index
            var value = 0
            while !atEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            return index > start ? value : nil
        }

        /// A change: `Mm.w.d`, `Jn` or `n`, then an optional `/time` (default 02:00).
        mutating func change() -> Change? {
            let day: Change.Day
            if take("M") {
                guard let month = number(), take("."), let week = number(), take("."), let weekday = number(),
                      (1...12).contains(month), (1...5).contains(week), (0...6).contains(weekday) else { return nil }
                day = .weekday(month: month, week: week, day: weekday)
            } else if take("J") {
                guard let number = number(), (1...365).contains(number) else { return nil }
                day = .julian(number)
            } else {
                guard let number = number(), (0...365).contains(number) else { return nil }
                day = .zeroBased(number)
            }
            var time = 7200
            if take("/") {
                guard let explicit = offset() else { return nil }
                time = explicit
            }
            return Change(day: day, time: time)
        }
    }
}
