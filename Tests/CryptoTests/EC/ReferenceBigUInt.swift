@testable import Crypto

/// A slow, obviously-correct unsigned big integer (32-bit digits, schoolbook multiplication,
/// shift-and-subtract division), used as an independent reference for the limb arithmetic.
struct RefBigUInt: Equatable, Comparable, CustomStringConvertible {
    /// Little-endian 32-bit digits with no trailing zeros.
    var digits: [UInt32]

    /// The value with these digits (trailing zeros trimmed).
    init(digits: [UInt32]) {
        var d = digits
        while d.last == 0 { d.removeLast() }
        self.digits = d
    }

    /// The value of a `UInt256`.
    init(_ v: UInt256) {
        var d: [UInt32] = []
        for limb in [v.l0, v.l1, v.l2, v.l3] {
            d.append(UInt32(truncatingIfNeeded: limb))
            d.append(UInt32(truncatingIfNeeded: limb >> 32))
        }
        self.init(digits: d)
    }

    /// The value of a small integer.
    init(_ v: UInt64) { self.init(UInt256(v)) }

    /// The value as a `UInt256` (must fit).
    var uint256: UInt256 {
        precondition(digits.count <= 8)
        var d = digits + [UInt32](repeating: 0, count: 8 - digits.count)
        d = Array(d.prefix(8))
        func limb(_ i: Int) -> UInt64 { UInt64(d[2 * i]) | UInt64(d[2 * i + 1]) << 32 }
        return UInt256(l0: limb(0), l1: limb(1), l2: limb(2), l3: limb(3))
    }

    /// Hex for failure messages.
    var description: String { digits.isEmpty ? "0" : digits.reversed().map { String($0, radix: 16) }.joined(separator: "_") }

    /// Number of significant bits.
    var bitCount: Int { digits.isEmpty ? 0 : digits.count * 32 - digits.last!.leadingZeroBitCount }

    /// Bit `i`.
    func bit(_ i: Int) -> Bool { i / 32 < digits.count && (digits[i / 32] >> (i % 32)) & 1 == 1 }

    /// Numeric order.
    static func < (a: RefBigUInt, b: RefBigUInt) -> Bool {
        if a.digits.count != b.digits.count { return a.digits.count < b.digits.count }
        for i in stride(from: a.digits.count - 1, through: 0, by: -1) where a.digits[i] != b.digits[i] {
            return a.digits[i] < b.digits[i]
        }
        return false
    }

    /// a + b.
    static func + (a: RefBigUInt, b: RefBigUInt) -> RefBigUInt {
        var out: [UInt32] = []
        var carry: UInt64 = 0
        for i in 0 ..< max(a.digits.count, b.digits.count) {
            let s = UInt64(i < a.digits.count ? a.digits[i] : 0) + UInt64(i < b.digits.count ? b.digits[i] : 0) + carry
            out.append(UInt32(truncatingIfNeeded: s))
            carry = s >> 32
        }
        out.append(UInt32(carry))
        return RefBigUInt(digits: out)
    }

    /// a − b for a ≥ b.
    static func - (a: RefBigUInt, b: RefBigUInt) -> RefBigUInt {
        precondition(!(a < b))
        var out: [UInt32] = []
        var borrow: Int64 = 0
        for i in 0 ..< a.digits.count {
            var d = Int64(a.digits[i]) - Int64(i < b.digits.count ? b.digits[i] : 0) - borrow
            borrow = 0
            if d < 0 { d += 1 << 32; borrow = 1 }
            out.append(UInt32(d))
        }
        return RefBigUInt(digits: out)
    }

    /// a · b by schoolbook multiplication.
    static func * (a: RefBigUInt, b: RefBigUInt) -> RefBigUInt {
        if a.digits.isEmpty || b.digits.isEmpty { return RefBigUInt(digits: []) }
        var out = [UInt64](repeating: 0, count: a.digits.count + b.digits.count + 1)
        for i in 0 ..< a.digits.count {
            var carry: UInt64 = 0
            for j in 0 ..< b.digits.count {
                let t = UInt64(a.digits[i]) * UInt64(b.digits[j]) + out[i + j] + carry
                out[i + j] = t & 0xFFFF_FFFF
                carry = t >> 32
            }
            out[i + b.digits.count] += carry
        }
        return RefBigUInt(digits: out.map { UInt32(truncatingIfNeeded: $0) })
    }

    /// a shifted left by one bit.
    var doubled: RefBigUInt { self + self }

    /// a mod m by binary long division.
    static func % (a: RefBigUInt, m: RefBigUInt) -> RefBigUInt {
        var r = RefBigUInt(digits: [])
        for i in stride(from: a.bitCount - 1, through: 0, by: -1) {
            r = r.doubled
            if a.bit(i) { r = r + RefBigUInt(1) }
            if !(r < m) { r = r - m }
        }
        return r
    }

    /// base^exponent mod m by square-and-multiply.
    static func power(_ base: RefBigUInt, _ exponent: RefBigUInt, _ m: RefBigUInt) -> RefBigUInt {
        var result = RefBigUInt(1)
        for i in stride(from: exponent.bitCount - 1, through: 0, by: -1) {
            result = (result * result) % m
            if exponent.bit(i) { result = (result * base) % m }
        }
        return result
    }
}
