/// Branch-free helpers on 64-bit limbs shared by the 256-bit integer, field and scalar code.
///
/// Every helper runs in time independent of its arguments: carries are computed with wrapping
/// arithmetic and masks are all-zero or all-one words, never Booleans used in a branch.
enum Limb {
    /// 1 for true, 0 for false, by reinterpreting the Boolean's byte: no conditional expression,
    /// so the optimizer has no control flow to keep as a branch (a `flag ? 1 : 0` can stay one).
    @inline(__always)
    static func bit(_ flag: Bool) -> UInt64 { UInt64(unsafeBitCast(flag, to: UInt8.self)) }

    /// `a + b + carry` (carry 0 or 1) as (sum, carry out).
    @inline(__always)
    static func addCarry(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let (s1, o1) = a.addingReportingOverflow(b)
        let (s2, o2) = s1.addingReportingOverflow(carry)
        return (s2, bit(o1) | bit(o2))
    }

    /// `a - b - borrow` (borrow 0 or 1) as (difference, borrow out).
    @inline(__always)
    static func subBorrow(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
        let (d1, o1) = a.subtractingReportingOverflow(b)
        let (d2, o2) = d1.subtractingReportingOverflow(borrow)
        return (d2, bit(o1) | bit(o2))
    }

    /// Adds `a * b` into the three-word accumulator (c0, c1, c2) used by product scanning.
    @inline(__always)
    static func mulAcc(_ a: UInt64, _ b: UInt64, _ c0: inout UInt64, _ c1: inout UInt64, _ c2: inout UInt64) {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        let (s0, o0) = c0.addingReportingOverflow(lo)
        c0 = s0
        let (s1, o1) = c1.addingReportingOverflow(hi &+ bit(o0))
        c1 = s1
        c2 &+= bit(o1)
    }

    /// Adds `2 * a * b` into the three-word accumulator (c0, c1, c2); used for squaring.
    @inline(__always)
    static func mulAcc2(_ a: UInt64, _ b: UInt64, _ c0: inout UInt64, _ c1: inout UInt64, _ c2: inout UInt64) {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        let top = hi >> 63
        let hi2 = (hi << 1) | (lo >> 63)
        let lo2 = lo << 1
        let (s0, o0) = c0.addingReportingOverflow(lo2)
        c0 = s0
        let (s1, o1) = Limb.addCarry(c1, hi2, bit(o0))
        c1 = s1
        c2 &+= top &+ o1
    }

    /// `t + a * b + carry` as (low word, high word); never overflows 128 bits.
    @inline(__always)
    static func mulAdd(_ a: UInt64, _ b: UInt64, _ t: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        let (s1, o1) = lo.addingReportingOverflow(t)
        let (s2, o2) = s1.addingReportingOverflow(carry)
        return (s2, hi &+ bit(o1) &+ bit(o2))
    }

    /// All-one word when `bit` is 1, zero when it is 0 (`bit` must be 0 or 1).
    @inline(__always)
    static func mask(_ bit: UInt64) -> UInt64 { 0 &- bit }

    /// 1 when `x` is zero, else 0, without a branch.
    @inline(__always)
    static func isZeroBit(_ x: UInt64) -> UInt64 { ((x | (0 &- x)) >> 63) ^ 1 }

    /// 1 when `a == b`, else 0, without a branch.
    @inline(__always)
    static func equalBit(_ a: UInt64, _ b: UInt64) -> UInt64 { isZeroBit(a ^ b) }
}
