/// A period of a time column: a year, quarter, month, day or hour, ordered in time.
///
/// `ordinal` counts periods of the frequency from year 0 (days and hours from 1970-01-01), so
/// consecutive periods differ by one and periods of one frequency compare by their ordinals.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The frequency whose periods `ordinal` counts.
    public let frequency: Frequency
    /// The period's position: year `y`; quarter `4y + q - 1`; month `12y + m - 1`; day and hour
    /// counted from 1970-01-01.
    public let ordinal: Int

    /// A period from its ordinal.
    public init(frequency: Frequency, ordinal: Int) {
        self.frequency = frequency
        self.ordinal = ordinal
    }

    /// A period of `frequency` from its calendar parts (month and day from 1, hour from 0).
    public init(frequency: Frequency, year: Int, month: Int = 1, day: Int = 1, hour: Int = 0) {
        self.frequency = frequency
        switch frequency {
        case .year, .none: ordinal = year
        case .quarter: ordinal = year * 4 + (month - 1) / 3
        case .month: ordinal = year * 12 + month - 1
        case .day: ordinal = CivilDate.days(year: year, month: month, day: day)
        case .hour: ordinal = CivilDate.days(year: year, month: month, day: day) * 24 + hour
        }
    }

    /// Parses the normalised forms `1952`, `1959-Q1`, `2000-01`, `2000-01-01` and
    /// `2010-01-01T00:00`; nil for anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4) else { return nil }
        switch bytes.count {
        case 4:
            self.init(frequency: .year, year: year)
        case 7 where bytes[4] == UInt8(ascii: "-") && bytes[5] == UInt8(ascii: "Q"):
            guard let quarter = number(6..<7), (1...4).contains(quarter) else { return nil }
            self.init(frequency: .quarter, ordinal: year * 4 + quarter - 1)
        case 7 where bytes[4] == UInt8(ascii: "-"):
            guard let month = number(5..<7), (1...12).contains(month) else { return nil }
            self.init(frequency: .month, year: year, month: month)
        case 10, 16:
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let month = number(5..<7), (1...12).contains(month),
                  let day = number(8..<10), (1...CivilDate.daysIn(year: year, month: month)).contains(day) else { return nil }
            if bytes.count == 10 {
                self.init(frequency: .day, year: year, month: month, day: day)
            } else {
                guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
                      let hour = number(11..<13), hour < 24, number(14..<16) == 0 else { return nil }
                self.init(frequency: .hour, year: year, month: month, day: day, hour: hour)
            }
        default:
            return nil
        }
    }

    /// The calendar parts of the period's start.
    public var parts: (year: Int, month: Int, day: Int, hour: Int) {
        switch frequency {
        case .year, .none: return (ordinal, 1, 1, 0)
        case .quarter: return (floorDiv(ordinal, 4), floorMod(ordinal, 4) * 3 + 1, 1, 0)
        case .month: return (floorDiv(ordinal, 12), floorMod(ordinal, 12) + 1, 1, 0)
        case .day:
            let date = CivilDate.date(days: ordinal)
            return (date.year, date.month, date.day, 0)
        case .hour:
            let date = CivilDate.date(days: floorDiv(ordinal, 24))
            return (date.year, date.month, date.day, floorMod(ordinal, 24))
        }
    }

    /// The calendar year the period starts in.
    public var year: Int { parts.year }

    /// The normalised text, as the data writes it.
    public var description: String {
        let (year, month, day, hour) = parts
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch frequency {
        case .year, .none: return "\(year)"
        case .quarter: return "\(year)-Q\((month - 1) / 3 + 1)"
        case .month: return "\(year)-\(two(month))"
        case .day: return "\(year)-\(two(month))-\(two(day))"
        case .hour: return "\(year)-\(two(month))-\(two(day))T\(two(hour)):00"
        }
    }

    /// The start of the period as a fractional year (for chart axes and year ranges).
    public var decimalYear: Double {
        let (year, month, day, hour) = parts
        switch frequency {
        case .year, .none: return Double(year)
        case .quarter, .month: return Double(year) + Double(month - 1) / 12
        case .day, .hour:
            let start = CivilDate.days(year: year, month: 1, day: 1)
            let length = Double(CivilDate.days(year: year + 1, month: 1, day: 1) - start)
            let elapsed = Double(CivilDate.days(year: year, month: month, day: day) - start) + Double(hour) / 24
            return Double(year) + elapsed / length
        }
    }

    /// The period `years` calendar years earlier (the same month and day; 29 February becomes 28).
    public func yearsEarlier(_ years: Int) -> Period {
        let (year, month, day, hour) = parts
        let target = year - years
        return Period(frequency: frequency, year: target, month: month,
                      day: min(day, CivilDate.daysIn(year: target, month: month)), hour: hour)
    }

    /// The period of a coarser `frequency` that contains this one (a month's year, a day's month).
    public func rolled(to frequency: Frequency) -> Period {
        let (year, month, day, _) = parts
        return Period(frequency: frequency, year: year, month: month, day: day)
    }

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// Integer division rounding towards negative infinity.
func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

/// The remainder that goes with `floorDiv`, always in `0..<b`.
func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01 (H. Hinnant's algorithms).
enum CivilDate {
    /// Days from 1970-01-01 to the date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days in a month.
    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
