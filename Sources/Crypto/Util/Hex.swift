/// Why a string is not hex-encoded bytes.
public enum HexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The digits (after any 0x prefix) are odd in number.
    case oddLength(Int)
    /// A character that is not 0-9, a-f or A-F; `offset` counts UTF-8 bytes after the prefix.
    case invalidDigit(offset: Int)

    /// A readable reason.
    public var description: String {
        switch self {
        case .oddLength(let count): "hex string has an odd number of digits (\(count))"
        case .invalidDigit(let offset): "invalid hex digit at offset \(offset)"
        }
    }
}

/// Hex encoding and decoding of byte strings.
///
/// Both directions are branch-free per digit (no lookup table indexed by data), so encoding a
/// private key for a keystore or decoding one leaks nothing through timing beyond the length.
public enum Hex {
    /// Lowercase hex of `bytes`, with a leading "0x" unless `prefix` is false.
    public static func encode<Bytes: Collection>(_ bytes: Bytes, prefix: Bool = true) -> String
    where Bytes.Element == UInt8 {
        let start = prefix ? 2 : 0
        let count = start + bytes.count * 2
        return String(unsafeUninitializedCapacity: count) { out in
            if prefix {
                out[0] = UInt8(ascii: "0")
                out[1] = UInt8(ascii: "x")
            }
            var index = start
            for byte in bytes {
                out[index] = digit(byte &>> 4)
                out[index + 1] = digit(byte & 0x0f)
                index += 2
            }
            return count
        }
    }

    /// The bytes that `text` encodes; a "0x" or "0X" prefix is optional, digits may be either case.
    public static func decode(_ text: String) throws(HexError) -> [UInt8] {
        var utf8 = Array(text.utf8)
        defer { SecureZero.zero(&utf8) }
        // Whether there is a "0x"/"0X" prefix, found without branching on the (possibly secret) digits.
        var start = 0
        if utf8.count >= 2 {
            let zero = ConstantTime.equalMask(utf8[0], UInt8(ascii: "0"))
            let x = ConstantTime.equalMask(utf8[1] | 0x20, UInt8(ascii: "x"))
            start = Int(zero & x & 2)
        }
        let digits = utf8.count - start
        guard digits % 2 == 0 else { throw .oddLength(digits) }
        var result = [UInt8](repeating: 0, count: digits / 2)
        var invalid: UInt8 = 0
        for index in 0..<result.count {
            let high = value(utf8[start + 2 * index])
            let low = value(utf8[start + 2 * index + 1])
            invalid |= high.invalid | low.invalid
            result[index] = (high.value &<< 4) | low.value
        }
        if invalid != 0 {
            SecureZero.zero(&result)
            // Only now, on the failure path, find the first bad digit for the message.
            let offset = (0..<digits).first { value(utf8[start + $0]).invalid != 0 } ?? 0
            throw .invalidDigit(offset: offset)
        }
        return result
    }

    /// The lowercase ASCII digit for a nibble 0…15, without a branch or table:
    /// '0' + n, plus 39 more when n > 9 so that 10 lands on 'a'.
    @inline(__always) static func digit(_ nibble: UInt8) -> UInt8 {
        let above9 = UInt8(truncatingIfNeeded: (9 &- Int16(nibble)) &>> 8) // 0xFF when nibble > 9
        return 0x30 &+ nibble &+ (above9 & 39)
    }

    /// The value of an ASCII hex digit and 0xFF in `invalid` when it is not one; branch-free.
    @inline(__always) static func value(_ c: UInt8) -> (value: UInt8, invalid: UInt8) {
        let c16 = Int16(c)
        // in[lo, hi] as a mask: both (c - lo) and (hi - c) non-negative.
        @inline(__always) func inRange(_ lo: Int16, _ hi: Int16) -> UInt8 {
            UInt8(truncatingIfNeeded: ~(((c16 &- lo) | (hi &- c16)) &>> 8))
        }
        let isDecimal = inRange(0x30, 0x39)
        let isLower = inRange(0x61, 0x66)
        let isUpper = inRange(0x41, 0x46)
        let decimal = (c &- 0x30) & isDecimal
        let lower = (c &- 0x61 &+ 10) & isLower
        let upper = (c &- 0x41 &+ 10) & isUpper
        return (decimal | lower | upper, ~(isDecimal | isLower | isUpper))
    }
}
