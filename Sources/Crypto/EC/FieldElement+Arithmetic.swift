extension Secp256k1.FieldElement {
    /// `a + b mod p`.
    @inline(__always)
    static func + (a: Self, b: Self) -> Self {
        let (sum, carry) = a.value.addingWithCarry(b.value)
        // sum + 2^256·carry ≥ p exactly when sum + (2^256 − p) carries out of 256 bits or carry is set.
        let (reduced, carry2) = sum.addingWithCarry(UInt256(Secp256k1.pComplement))
        return Self(reduced: reduced.constantTimeSelect(mask: Limb.mask(carry | carry2), else: sum))
    }

    /// `a − b mod p`.
    @inline(__always)
    static func - (a: Self, b: Self) -> Self {
        let (difference, borrow) = a.value.subtractingWithBorrow(b.value)
        // On borrow add p back, that is subtract 2^256 − p (modulo 2^256).
        let (fixed, _) = difference.subtractingWithBorrow(UInt256(Secp256k1.pComplement & Limb.mask(borrow)))
        return Self(reduced: fixed)
    }

    /// `−a mod p`.
    @inline(__always)
    static prefix func - (a: Self) -> Self { Self.zero - a }

    /// `a + a mod p`.
    @inline(__always)
    var doubled: Self { self + self }

    /// `a · b mod p`.
    @inline(__always)
    static func * (a: Self, b: Self) -> Self {
        let (low, high) = a.value.multipliedFullWidth(b.value)
        return reduceWide(low: low, high: high)
    }

    /// `a² mod p`.
    @inline(__always)
    var squared: Self {
        let (low, high) = value.squaredFullWidth()
        return Self.reduceWide(low: low, high: high)
    }

    /// `a · k mod p` for a small factor `k < 2^32`.
    @inline(__always)
    func times(_ k: UInt64) -> Self {
        let (low, high) = value.multipliedAdding(k, 0)
        // high < 2^32, so high·(2^32 + 977) < 2^65: fold it in two words.
        let (fh, fl) = high.multipliedFullWidth(by: Secp256k1.pComplement)
        let (sum, carry) = low.addingWithCarry(UInt256(l0: fl, l1: fh, l2: 0, l3: 0))
        return Self.finish(sum, carry: carry)
    }

    /// `a^(2^count)`: `count` squarings.
    @inline(__always)
    func squared(times count: Int) -> Self {
        var r = self
        for _ in 0 ..< count { r = r.squared }
        return r
    }

    /// Reduces a 512-bit value `high·2^256 + low` modulo p using 2^256 ≡ 2^32 + 977.
    @inline(__always)
    static func reduceWide(low: UInt256, high: UInt256) -> Self {
        let c = Secp256k1.pComplement
        let (h0, m0) = high.l0.multipliedFullWidth(by: c)
        let (h1, m1) = high.l1.multipliedFullWidth(by: c)
        let (h2, m2) = high.l2.multipliedFullWidth(by: c)
        let (h3, m3) = high.l3.multipliedFullWidth(by: c)
        var (r0, k) = Limb.addCarry(low.l0, m0, 0)
        var r1: UInt64, r2: UInt64, r3: UInt64
        (r1, k) = Limb.addCarry(low.l1, m1, k)
        (r2, k) = Limb.addCarry(low.l2, m2, k)
        (r3, k) = Limb.addCarry(low.l3, m3, k)
        var r4 = h3 &+ k
        (r1, k) = Limb.addCarry(r1, h0, 0)
        (r2, k) = Limb.addCarry(r2, h1, k)
        (r3, k) = Limb.addCarry(r3, h2, k)
        r4 &+= k
        // r4 < 2^34: fold r4·2^256 ≡ r4·c (< 2^67) once more.
        let (fh, fl) = r4.multipliedFullWidth(by: c)
        (r0, k) = Limb.addCarry(r0, fl, 0)
        (r1, k) = Limb.addCarry(r1, fh, k)
        (r2, k) = Limb.addCarry(r2, 0, k)
        (r3, k) = Limb.addCarry(r3, 0, k)
        return finish(UInt256(l0: r0, l1: r1, l2: r2, l3: r3), carry: k)
    }

    /// Reduces `carry·2^256 + v` to [0, p), given that when `carry` is 1 the value `v` is small
    /// (below 2^255), so adding `carry·(2^256 − p)` cannot overflow.
    @inline(__always)
    static func finish(_ v: UInt256, carry: UInt64) -> Self {
        let (folded, _) = v.addingWithCarry(UInt256(Secp256k1.pComplement & Limb.mask(carry)))
        return Self(reducing: folded)
    }
}
