/// An unsigned 256-bit integer in four 64-bit limbs, least significant first.
///
/// It is the plain integer under the secp256k1 field and scalar types and the `uint256` of
/// Ethereum ABI encoding. Comparison (`<`, `==`) is variable-time: use it on public values only;
/// the constant-time helpers are named `constantTime…`.
public struct UInt256: Sendable, Hashable {
    /// Bits 0–63.
    public var l0: UInt64
    /// Bits 64–127.
    public var l1: UInt64
    /// Bits 128–191.
    public var l2: UInt64
    /// Bits 192–255.
    public var l3: UInt64

    /// The value with these limbs, least significant first.
    @inline(__always)
    public init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
    }

    /// The value of a 64-bit integer.
    @inline(__always)
    public init(_ value: UInt64) { self.init(l0: value, l1: 0, l2: 0, l3: 0) }

    /// Zero.
    public static var zero: UInt256 { UInt256(0) }
    /// One.
    public static var one: UInt256 { UInt256(1) }
    /// 2^256 − 1.
    public static var max: UInt256 { UInt256(l0: .max, l1: .max, l2: .max, l3: .max) }

    /// Whether the value is zero (variable-time).
    public var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    /// The limb at `index` (0…3), least significant first.
    @inline(__always)
    func limb(_ index: Int) -> UInt64 {
        switch index {
        case 0: l0
        case 1: l1
        case 2: l2
        default: l3
        }
    }

    /// Bit `index` (0 = least significant) as 0 or 1.
    @inline(__always)
    public func bit(_ index: Int) -> UInt64 { (limb(index >> 6) >> UInt64(index & 63)) & 1 }

    /// The number of significant bits (0 for zero).
    public var bitWidth: Int {
        if l3 != 0 { return 256 - l3.leadingZeroBitCount }
        if l2 != 0 { return 192 - l2.leadingZeroBitCount }
        if l1 != 0 { return 128 - l1.leadingZeroBitCount }
        return 64 - l0.leadingZeroBitCount
    }
}

extension UInt256: Comparable {
    /// Variable-time ordering; for public values.
    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        if lhs.l3 != rhs.l3 { return lhs.l3 < rhs.l3 }
        if lhs.l2 != rhs.l2 { return lhs.l2 < rhs.l2 }
        if lhs.l1 != rhs.l1 { return lhs.l1 < rhs.l1 }
        return lhs.l0 < rhs.l0
    }
}
