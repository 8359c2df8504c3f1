/// A number or string kept as the exact JSON text it was written as, because Swift's own types
/// would alter it: a number that no `Double` holds (`1e400`), a number whose `Double` would be
/// written back differently (`1e2`, `1.10`, `18446744073709551617`), or a string holding a lone
/// surrogate escape (`"\ud800"`), which no `String` can hold.
///
/// The parser makes these; the serializer writes `text` back unchanged, so a value passed through
/// (a request id, a stored record) comes out as it went in.
public struct JSONLexeme: Hashable, Sendable, CustomStringConvertible {
    /// What kind of JSON value the text is.
    public enum Kind: Hashable, Sendable {
        /// A JSON number.
        case number
        /// A JSON string, quotes and escapes included in `text`.
        case string
    }

    /// What kind of value this is.
    public let kind: Kind
    /// The JSON text exactly as it appeared in the input: for a string, with its quotes and escapes.
    public let text: String

    /// Wraps text the parser has already checked.
    init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// The lexeme of a finite `Double` as the serializer writes it; nil for NaN and infinities.
    public init?(number value: Double) {
        guard value.isFinite else { return nil }
        self.init(kind: .number, text: JSONValue.number(value).jsonText)
    }

    /// The number's value as a `Double`, when it is a number within `Double`'s range (rounded to
    /// the nearest `Double`); nil for a string or a number beyond the range.
    public var doubleValue: Double? {
        guard kind == .number, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Whether this is a number whose magnitude no `Double` can hold, such as `1e400`: no field of
    /// any tool can take it.
    public var isBeyondDoubleRange: Bool { kind == .number && doubleValue == nil }

    /// Whether this is a number with no fractional part (`1e400` and `18446744073709551617` are
    /// integers; `1.5` and `1e-3` are not). Decided from the digits, so it is exact at any size.
    public var isInteger: Bool {
        guard kind == .number else { return false }
        return JSONNumberText(text)?.isInteger ?? false
    }

    /// For a string, its text with each lone surrogate replaced by U+FFFD, as lenient decoders
    /// read it; nil for a number. Use it only to show or to log the string, never to store it.
    public var lenientString: String? {
        guard kind == .string else { return nil }
        var text = text
        return text.withUTF8 { buffer in
            var parser = JSONParser(bytes: buffer, maxDepth: 1)
            return (try? parser.parseString()) ?? ""
        }
    }

    /// The JSON text.
    public var description: String { text }
}

/// The parts of a JSON number's text, read without converting it: for exact questions about
/// numbers of any size.
struct JSONNumberText {
    /// The digits before and after the point, leading zeros removed, trailing zeros of the
    /// fraction removed.
    var digits: [UInt8]
    /// How many of `digits` come after the point, before the exponent is applied.
    var fractionCount: Int
    /// The exponent, saturated to ±`Int32.max`.
    var exponent: Int

    /// Reads `text`, a JSON number; nil if it is not one.
    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var integerDigits: [UInt8] = []
        while let byte = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            integerDigits.append(byte)
            bytes = bytes.dropFirst()
        }
        guard !integerDigits.isEmpty else { return nil }
        var fractionDigits: [UInt8] = []
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            while let byte = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                fractionDigits.append(byte)
                bytes = bytes.dropFirst()
            }
        }
        var exponent = 0
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var negative = false
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                negative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            while let byte = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                exponent = min(Int(Int32.max), exponent * 10 + Int(byte - UInt8(ascii: "0")))
                bytes = bytes.dropFirst()
            }
            if negative { exponent = -exponent }
        }
        guard bytes.isEmpty else { return nil }
        while fractionDigits.last == UInt8(ascii: "0") { fractionDigits.removeLast() }
        var all = integerDigits + fractionDigits
        while all.first == UInt8(ascii: "0") { all.removeFirst() }
        digits = all
        fractionCount = fractionDigits.count
        self.exponent = exponent
    }

    /// Whether the number has no fractional part: its value is `digits` × 10^(`exponent` −
    /// `fractionCount`), and trailing zeros of the digits make up for a negative power.
    var isInteger: Bool {
        guard !digits.isEmpty else { return true }
        let trailingZeros = digits.reversed().prefix { $0 == UInt8(ascii: "0") }.count
        return exponent - fractionCount + trailingZeros >= 0
    }
}
