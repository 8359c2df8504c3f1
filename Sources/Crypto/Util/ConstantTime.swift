/// Whether `lhs` and `rhs` hold the same bytes, taking time that depends only on their lengths.
///
/// Lengths are treated as public: different lengths return false at once. Equal lengths are
/// compared by OR-accumulating the XOR of every byte pair, with no early exit.
public func constantTimeEquals<A: Collection, B: Collection>(_ lhs: A, _ rhs: B) -> Bool
where A.Element == UInt8, B.Element == UInt8 {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
    return ConstantTime.isZero(difference)
}

/// Branch-free helpers for code that handles secrets.
enum ConstantTime {
    /// 0xFF when `bit` is 1, 0x00 when it is 0 (only the low bit is read).
    @inline(__always) static func mask(_ bit: UInt8) -> UInt8 { 0 &- (bit & 1) }

    /// 0xFF when `a == b`, 0x00 otherwise, without a branch.
    @inline(__always) static func equalMask(_ a: UInt8, _ b: UInt8) -> UInt8 {
        let difference = UInt16(a ^ b)
        return UInt8(truncatingIfNeeded: (difference &- 1) &>> 8)
    }

    /// Whether `value` is zero, computed without a data-dependent branch before the final
    /// conversion to `Bool`.
    @inline(never) static func isZero(_ value: UInt8) -> Bool {
        // (value - 1) has its top bit set only when value was 0 (as a 9-bit quantity).
        let wide = (UInt16(value) &- 1) &>> 8
        return wide & 1 == 1
    }
}
