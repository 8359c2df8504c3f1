/// Wrapping and carry-reporting arithmetic on `UInt256`, all branch-free.
extension UInt256 {
    /// `self + other` modulo 2^256 and the carry out (0 or 1).
    @inline(__always)
    public func addingWithCarry(_ other: UInt256) -> (sum: UInt256, carry: UInt64) {
        let (r0, c0) = Limb.addCarry(l0, other.l0, 0)
        let (r1, c1) = Limb.addCarry(l1, other.l1, c0)
        let (r2, c2) = Limb.addCarry(l2, other.l2, c1)
        let (r3, c3) = Limb.addCarry(l3, other.l3, c2)
        return (UInt256(l0: r0, l1: r1, l2: r2, l3: r3), c3)
    }

    /// `self − other` modulo 2^256 and the borrow out (0 or 1).
    @inline(__always)
    public func subtractingWithBorrow(_ other: UInt256) -> (difference: UInt256, borrow: UInt64) {
        let (r0, b0) = Limb.subBorrow(l0, other.l0, 0)
        let (r1, b1) = Limb.subBorrow(l1, other.l1, b0)
        let (r2, b2) = Limb.subBorrow(l2, other.l2, b1)
        let (r3, b3) = Limb.subBorrow(l3, other.l3, b2)
        return (UInt256(l0: r0, l1: r1, l2: r2, l3: r3), b3)
    }

    /// `self * factor + addend` as the low 256 bits and the high word.
    @inline(__always)
    public func multipliedAdding(_ factor: UInt64, _ addend: UInt64) -> (low: UInt256, high: UInt64) {
        let (r0, c0) = Limb.mulAdd(l0, factor, addend, 0)
        let (r1, c1) = Limb.mulAdd(l1, factor, 0, c0)
        let (r2, c2) = Limb.mulAdd(l2, factor, 0, c1)
        let (r3, c3) = Limb.mulAdd(l3, factor, 0, c2)
        return (UInt256(l0: r0, l1: r1, l2: r2, l3: r3), c3)
    }

    /// The full 512-bit product as (low, high) halves.
    @inline(__always)
    func multipliedFullWidth(_ b: UInt256) -> (low: UInt256, high: UInt256) {
        var c0: UInt64 = 0, c1: UInt64 = 0, c2: UInt64 = 0
        Limb.mulAcc(l0, b.l0, &c0, &c1, &c2)
        let t0 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc(l0, b.l1, &c0, &c1, &c2)
        Limb.mulAcc(l1, b.l0, &c0, &c1, &c2)
        let t1 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc(l0, b.l2, &c0, &c1, &c2)
        Limb.mulAcc(l1, b.l1, &c0, &c1, &c2)
        Limb.mulAcc(l2, b.l0, &c0, &c1, &c2)
        let t2 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc(l0, b.l3, &c0, &c1, &c2)
        Limb.mulAcc(l1, b.l2, &c0, &c1, &c2)
        Limb.mulAcc(l2, b.l1, &c0, &c1, &c2)
        Limb.mulAcc(l3, b.l0, &c0, &c1, &c2)
        let t3 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc(l1, b.l3, &c0, &c1, &c2)
        Limb.mulAcc(l2, b.l2, &c0, &c1, &c2)
        Limb.mulAcc(l3, b.l1, &c0, &c1, &c2)
        let t4 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc(l2, b.l3, &c0, &c1, &c2)
        Limb.mulAcc(l3, b.l2, &c0, &c1, &c2)
        let t5 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc(l3, b.l3, &c0, &c1, &c2)
        return (UInt256(l0: t0, l1: t1, l2: t2, l3: t3), UInt256(l0: t4, l1: t5, l2: c0, l3: c1))
    }

    /// The full 512-bit square as (low, high) halves; cheaper than a general product.
    @inline(__always)
    func squaredFullWidth() -> (low: UInt256, high: UInt256) {
        var c0: UInt64 = 0, c1: UInt64 = 0, c2: UInt64 = 0
        Limb.mulAcc(l0, l0, &c0, &c1, &c2)
        let t0 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc2(l0, l1, &c0, &c1, &c2)
        let t1 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc2(l0, l2, &c0, &c1, &c2)
        Limb.mulAcc(l1, l1, &c0, &c1, &c2)
        let t2 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc2(l0, l3, &c0, &c1, &c2)
        Limb.mulAcc2(l1, l2, &c0, &c1, &c2)
        let t3 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc2(l1, l3, &c0, &c1, &c2)
        Limb.mulAcc(l2, l2, &c0, &c1, &c2)
        let t4 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc2(l2, l3, &c0, &c1, &c2)
        let t5 = c0; c0 = c1; c1 = c2; c2 = 0
        Limb.mulAcc(l3, l3, &c0, &c1, &c2)
        return (UInt256(l0: t0, l1: t1, l2: t2, l3: t3), UInt256(l0: t4, l1: t5, l2: c0, l3: c1))
    }

    /// `self >> 1` with `topBit` (0 or 1) shifted in at bit 255.
    @inline(__always)
    func shiftedRightOne(topBit: UInt64 = 0) -> UInt256 {
        UInt256(l0: (l0 >> 1) | (l1 << 63), l1: (l1 >> 1) | (l2 << 63),
                l2: (l2 >> 1) | (l3 << 63), l3: (l3 >> 1) | (topBit << 63))
    }

    /// `self` where `mask` is all ones, `other` where it is zero; branch-free.
    @inline(__always)
    public func constantTimeSelect(mask: UInt64, else other: UInt256) -> UInt256 {
        UInt256(l0: (l0 & mask) | (other.l0 & ~mask), l1: (l1 & mask) | (other.l1 & ~mask),
                l2: (l2 & mask) | (other.l2 & ~mask), l3: (l3 & mask) | (other.l3 & ~mask))
    }

    /// 1 when the value is zero, else 0; branch-free.
    @inline(__always)
    public var constantTimeIsZeroBit: UInt64 { Limb.isZeroBit(l0 | l1 | l2 | l3) }

    /// 1 when `self < other`, else 0; branch-free.
    @inline(__always)
    public func constantTimeLessThanBit(_ other: UInt256) -> UInt64 { subtractingWithBorrow(other).borrow }
}
