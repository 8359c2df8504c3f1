/// A time range asked for in a question: "since 1990", "between 2008 and 2010", "in 2007",
/// "over the last 5 years" (counted back from each series' last period).
public enum TimeRange: Sendable, Equatable, CustomStringConvertible {
    /// Calendar years from and to (both included); either may be open.
    case years(from: Int?, to: Int?)
    /// One calendar year.
    case year(Int)
    /// The last `count` years (or months, quarters) of each series.
    case last(count: Int, unit: Frequency)

    /// The window of a series this range selects, or nil when the series has no value in it.
    public func window(for series: Series) -> PeriodWindow? {
        guard let span = series.span else { return nil }
        let frequency = series.frequency
        let start: Period, end: Period
        switch self {
        case .years(let from, let to):
            start = from.map { max(span.start, Period(frequency: frequency, year: $0)) } ?? span.start
            end = to.map { min(span.end, Period(frequency: frequency, year: $0 + 1).previous) } ?? span.end
        case .year(let year):
            start = max(span.start, Period(frequency: frequency, year: year))
            end = min(span.end, Period(frequency: frequency, year: year + 1).previous)
        case .last(let count, let unit):
            end = span.end
            switch unit {
            case .year, .none, .day, .hour: start = max(span.start, span.end.yearsEarlier(count))
            case .quarter, .month:
                let months = unit == .quarter ? count * 3 : count
                let years = months / 12, remainder = months % 12
                var target = span.end.yearsEarlier(years)
                if remainder > 0 {
                    let (year, month, day, hour) = target.parts
                    let shifted = month - remainder
                    let (newYear, newMonth) = shifted >= 1 ? (year, shifted) : (year - 1, shifted + 12)
                    target = Period(frequency: frequency, year: newYear, month: newMonth,
                                    day: min(day, CivilDate.daysIn(year: newYear, month: newMonth)), hour: hour)
                }
                start = max(span.start, target)
            }
        }
        guard start <= end, !series.points(in: PeriodWindow(start: start, end: end)).isEmpty else { return nil }
        return PeriodWindow(start: start, end: end)
    }

    /// Words for the range: "since 1990", "2008 to 2010", "the last 5 years".
    public var description: String {
        switch self {
        case .years(let from?, let to?): "\(from) to \(to)"
        case .years(let from?, nil): "since \(from)"
        case .years(nil, let to?): "up to \(to)"
        case .years(nil, nil): "all periods"
        case .year(let year): "\(year)"
        case .last(let count, let unit): "the last \(count) \(unit == .month ? "months" : unit == .quarter ? "quarters" : "years")"
        }
    }

    /// The latest year the range reaches; nil when it is open or relative.
    public var lastYear: Int? {
        switch self {
        case .years(_, let to): to
        case .year(let year): year
        case .last: nil
        }
    }

    /// The earliest year the range reaches; nil when it is open or relative.
    public var firstYear: Int? {
        switch self {
        case .years(let from, _): from
        case .year(let year): year
        case .last: nil
        }
    }
}

extension Period {
    /// The period just before this one.
    public var previous: Period { Period(frequency: frequency, ordinal: ordinal - 1) }
}

/// Reads time ranges out of a question's words.
enum TimeRangeReader {
    /// Number words up to twenty, and "a" / "decade" quantities.
    static let numbers: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a": 1, "an": 1,
    ]

    /// The range in `words` (tokenizer words) and the positions of the words it used; nil when there is none.
    static func read(_ words: [String]) -> (range: TimeRange, used: Set<Int>)? {
        func year(_ index: Int) -> Int? {
            guard index >= 0, index < words.count, Tokenizer.isYear(words[index]) else { return nil }
            return Int(words[index])
        }
        func word(_ index: Int) -> String? { index >= 0 && index < words.count ? words[index] : nil }
        for index in words.indices {
            let current = words[index]
            if current == "last" || current == "past" || current == "recent" || current == "previous" {
                var cursor = index + 1
                var count = 1
                if let next = word(cursor), let number = Int(next) ?? numbers[next] { count = number; cursor += 1 }
                switch word(cursor) {
                case "year"?: return (.last(count: count, unit: .year), Set(index...cursor))
                case "decade"?: return (.last(count: count * 10, unit: .year), Set(index...cursor))
                case "month"?: return (.last(count: count, unit: .month), Set(index...cursor))
                case "quarter"?: return (.last(count: count, unit: .quarter), Set(index...cursor))
                default: break
                }
            }
            if current.count == 5, current.hasSuffix("0s"), let decade = Int(current.dropLast()), Tokenizer.isYear(String(current.dropLast())) {
                return (.years(from: decade, to: decade + 9), [index])
            }
            guard let first = year(index) else { continue }
            let before = word(index - 1)
            if before == "between" || before == "from", let second = year(index + 2), ["and", "to", "until", "through"].contains(word(index + 1) ?? "") {
                return (.years(from: min(first, second), to: max(first, second)), Set((index - 1)...(index + 2)))
            }
            if let second = year(index + 1), second > first { return (.years(from: first, to: second), [index, index + 1]) }
            if let second = year(index + 2), ["to", "until", "through"].contains(word(index + 1) ?? ""), second > first {
                return (.years(from: first, to: second), Set(index...(index + 2)))
            }
            switch before {
            case "since"?, "from"?, "after"?:
                return (.years(from: before == "after" ? first + 1 : first, to: nil), [index - 1, index])
            case "before"?:
                return (.years(from: nil, to: first - 1), [index - 1, index])
            case "until"?, "till"?, "through"?, "to"?:
                return (.years(from: nil, to: first), [index - 1, index])
            default:
                return (.year(first), [index])
            }
        }
        return nil
    }
}
