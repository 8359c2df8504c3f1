/// A number as it was found in a text: where it is and its exact value.
public struct ScannedNumber: Sendable, Equatable {
    /// The scalars of the digits and separators (not the scale word) in the scanned text.
    public var range: Range<Int>
    /// The number as written, e.g. "1,234.50".
    public var text: String
    /// The exact value without sign, as a canonical decimal: "1234.5".
    public var value: String
}

/// Finds the numbers in a text, reading separators in one `NumberStyle`.
///
/// The rules, the same for the facts supplied and for prose checked against them:
/// - a number is a run of digits with optional groups of exactly three digits after a group
///   separator (when the first run has at most three digits) and an optional fraction;
/// - the sign is not part of the value ("fell 3.1" states the same number as "-3.1");
/// - digits glued to a preceding letter belong to a name, not a quantity ("CO2", "Q1");
/// - a following English scale word multiplies ("1.5 million" is 1500000);
/// - a run of digits split by any other character is several numbers ("2000-01" is 2000 and 1).
public struct NumberScanner: Sendable {
    /// The separators numbers are read with.
    public var style: NumberStyle

    /// A scanner for `style`.
    public init(style: NumberStyle) { self.style = style }

    /// The scale words and their powers of ten.
    static let scales: [(word: String, power: Int)] = [
        ("thousand", 3), ("million", 6), ("mn", 6), ("billion", 9), ("bn", 9), ("trillion", 12),
    ]

    /// The numbers of `text`, in order.
    public func scan(_ text: String) -> [ScannedNumber] { scan(Array(text.unicodeScalars)) }

    /// The numbers of `scalars`, in order.
    public func scan(_ scalars: [Unicode.Scalar]) -> [ScannedNumber] {
        var found: [ScannedNumber] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let previous = index > 0 ? scalars[index - 1] : nil
            guard Self.isDigit(scalar) else { index += 1; continue }
            if let previous, previous.properties.isAlphabetic || Self.isDigit(previous) {
                // Part of a name such as CO2: skip the whole run of digits.
                while index < scalars.count, Self.isDigit(scalars[index]) { index += 1 }
                continue
            }
            let (number, end) = read(scalars, from: index)
            found.append(number)
            index = end
        }
        return found
    }

    /// Reads the number that starts at `start` (a digit); returns it and the index after it
    /// (after the scale word, if any).
    private func read(_ scalars: [Unicode.Scalar], from start: Int) -> (ScannedNumber, Int) {
        var index = start
        var integer = String.UnicodeScalarView()
        while index < scalars.count, Self.isDigit(scalars[index]) {
            integer.append(scalars[index])
            index += 1
        }
        if integer.count <= 3 {
            while index < scalars.count, style.isGroupSeparator(scalars[index]), groupFollows(scalars, at: index + 1) {
                integer.append(contentsOf: scalars[(index + 1)...(index + 3)])
                index += 4
            }
        }
        var fraction = String.UnicodeScalarView()
        if index + 1 < scalars.count, scalars[index] == style.decimalSeparator, Self.isDigit(scalars[index + 1]) {
            index += 1
            while index < scalars.count, Self.isDigit(scalars[index]) {
                fraction.append(scalars[index])
                index += 1
            }
        }
        let end = index
        var power = 0
        if let (scale, after) = scaleWord(scalars, at: index) {
            power = scale
            index = after
        }
        let value = DecimalText.canonical(integer: String(integer), fraction: String(fraction), shift: power)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        return (ScannedNumber(range: start..<end, text: String(text), value: value), index)
    }

    /// Whether exactly three digits start at `index` and no digit follows them.
    private func groupFollows(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 3 <= scalars.count else { return false }
        for offset in 0..<3 where !Self.isDigit(scalars[index + offset]) { return false }
        return index + 3 == scalars.count || !Self.isDigit(scalars[index + 3])
    }

    /// The power of ten of a scale word after optional spaces at `index`, and the index after it.
    private func scaleWord(_ scalars: [Unicode.Scalar], at index: Int) -> (Int, Int)? {
        var start = index
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\u{00A0}" { start += 1 }
        var end = start
        while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
        guard end > start else { return nil }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start..<end])
        let lower = String(word).lowercased()
        for (name, power) in Self.scales where lower == name || lower == name + "s" { return (power, end) }
        return nil
    }

    /// Whether `scalar` is an ASCII digit.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}

/// Exact decimal values as canonical text, so equal values compare equal however written.
enum DecimalText {
    /// "1234.5" from integer digits "001234", fraction digits "500" and no shift; `shift` moves
    /// the point right (a scale word).
    static func canonical(integer: String, fraction: String, shift: Int) -> String {
        var whole = Array(integer.unicodeScalars)
        var part = Array(fraction.unicodeScalars)
        for _ in 0..<shift {
            whole.append(part.isEmpty ? "0" : part.removeFirst())
        }
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        if whole.isEmpty { whole = ["0"] }
        while part.last == "0" { part.removeLast() }
        var text = String.UnicodeScalarView(whole)
        if !part.isEmpty {
            text.append(".")
            text.append(contentsOf: part)
        }
        return String(text)
    }
}
