/// An IANA time zone read from the system's tz database (`/usr/share/zoneinfo`, or `TZDIR`):
/// the TZif file's transitions, and its POSIX rule for times after the last one. Used for the
/// dates drawn on a run's chart images; Foundation's time zones need ICU, which this server
/// does not load.
public struct ZoneInfo: Sendable, Equatable {
    /// One local time type: offset from UTC and abbreviation.
    public struct Offset: Sendable, Equatable {
        /// Seconds east of UTC.
        public var seconds: Int
        /// The abbreviation, e.g. `EST`, or a numeric one such as `+0330`.
        public var abbreviation: String
    }

    /// The zone's name, e.g. `America/New_York`.
    public let identifier: String
    /// Transition times (Unix seconds), ascending, and the type each starts.
    let transitions: [(at: Int64, type: Int)]
    /// The local time types.
    let types: [Offset]
    /// The rule after the last transition, when the file has one.
    let rule: PosixZoneRule?

    public static func == (lhs: ZoneInfo, rhs: ZoneInfo) -> Bool { lhs.identifier == rhs.identifier }

    /// The zone named `identifier`, or nil when the name is malformed or the system does not know it.
    public static func load(_ identifier: String, directory: String? = nil) -> ZoneInfo? {
        guard isWellFormed(identifier) else { return nil }
        let folder = directory ?? getenv("TZDIR").flatMap { String(validatingCString: $0) } ?? "/usr/share/zoneinfo"
        guard let bytes = readFile(folder + "/" + identifier) else { return nil }
        return parse(bytes, identifier: identifier)
    }

    /// Whether `identifier` can name a zone file: letters, digits and `_+-` in `/`-separated parts, none `.` or `..`.
    static func isWellFormed(_ identifier: String) -> Bool {
        let parts = identifier.split(separator: "/", omittingEmptySubsequences: false)
        return identifier.utf8.count <= 64 && !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.first != "." && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_+-".contains($0)) }
        }
    }

    /// The offset in effect at `time` (Unix seconds).
    public func offset(at time: Int64) -> Offset {
        if let last = transitions.last, time >= last.at, let rule { return rule.offset(at: time) }
        if transitions.isEmpty { return rule?.offset(at: time) ?? types.first ?? Offset(seconds: 0, abbreviation: "UTC") }
        guard let index = transitions.lastIndex(where: { $0.at <= time }) else { return types[0] }
        return types[transitions[index].type]
    }

    /// `time` as local "YYYY-MM-DD HH:MM ABBR".
    public func format(_ time: Int64) -> String {
        let offset = offset(at: time)
        let local = time + Int64(offset.seconds)
        let days = Int(floorDivide(local, 86_400))
        let seconds = Int(local - Int64(days) * 86_400)
        let (year, month, day) = Civil.date(days: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(seconds / 3600)):\(two(seconds % 3600 / 60)) \(offset.abbreviation)"
    }

    /// Parses a TZif file (version 1, or the 64-bit block of versions 2 and up, with its footer rule).
    static func parse(_ bytes: [UInt8], identifier: String) -> ZoneInfo? {
        guard bytes.count >= 44, bytes[0..<4].elementsEqual(Array("TZif".utf8)) else { return nil }
        func count(_ base: Int, _ field: Int) -> Int { Int(bigEndian(bytes, at: base + 20 + field * 4, width: 4)) }
        var base = 0, timeWidth = 4
        if bytes[4] >= UInt8(ascii: "2") {
            let v1 = count(0, 3) * 5 + count(0, 4) * 6 + count(0, 5) + count(0, 2) * 8 + count(0, 1) + count(0, 0)
            base = 44 + v1
            timeWidth = 8
            guard bytes.count >= base + 44 else { return nil }
        }
        let isUT = count(base, 0), isStd = count(base, 1), leaps = count(base, 2), times = count(base, 3), typeCount = count(base, 4), chars = count(base, 5)
        var cursor = base + 44
        let end = cursor + times * (timeWidth + 1) + typeCount * 6 + chars + leaps * (timeWidth + 4) + isStd + isUT
        guard typeCount > 0, bytes.count >= end else { return nil }
        var transitions: [(at: Int64, type: Int)] = []
        for index in 0..<times {
            let at = signed(bigEndian(bytes, at: cursor + index * timeWidth, width: timeWidth), width: timeWidth)
            transitions.append((at, Int(bytes[cursor + times * timeWidth + index])))
        }
        cursor += times * (timeWidth + 1)
        let names = Array(bytes[(cursor + typeCount * 6)..<(cursor + typeCount * 6 + chars)])
        var types: [Offset] = []
        for index in 0..<typeCount {
            let entry = cursor + index * 6
            let seconds = Int(signed(bigEndian(bytes, at: entry, width: 4), width: 4))
            let start = Int(bytes[entry + 5])
            let stop = names[min(start, names.count)...].firstIndex(of: 0) ?? names.count
            types.append(Offset(seconds: seconds, abbreviation: String(decoding: names[min(start, names.count)..<stop], as: UTF8.self)))
        }
        guard transitions.allSatisfy({ $0.type < types.count }) else { return nil }
        var rule: PosixZoneRule?
        if timeWidth == 8, end < bytes.count, bytes[end] == 10, let close = bytes[(end + 1)...].firstIndex(of: 10) {
            rule = PosixZoneRule(String(decoding: bytes[(end + 1)..<close], as: UTF8.self))
        }
        return ZoneInfo(identifier: identifier, transitions: transitions, types: types, rule: rule)
    }

    /// The unsigned big-endian integer of `width` bytes at `offset`.
    static func bigEndian(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
        bytes[offset..<(offset + width)].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A `width`-byte two's-complement value as signed.
    static func signed(_ value: UInt64, width: Int) -> Int64 {
        width == 8 ? Int64(bitPattern: value) : Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: value)))
    }

    /// The whole file at `path`, or nil (missing, a folder, or larger than 1 MiB).
    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while bytes.count <= 1 << 20 {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
        }
        return nil
    }
}

/// Integer division rounding towards negative infinity.
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

/// Proleptic Gregorian dates from days since 1970-01-01 and back (H. Hinnant's algorithms).
enum Civil {
    /// Days from 1970-01-01 to the date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = Int(floorDivide(Int64(y), 400))
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// The date `days` after 1970-01-01.
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = Int(floorDivide(Int64(z), 146_097))
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * mp + 2) / 5 + 1)
    }

    /// Days in a month.
    static func daysIn(year: Int, month: Int) -> Int {
        days(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1) - days(year: year, month: month, day: 1)
    }
}
