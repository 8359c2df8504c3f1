extension Secp256k1.Scalar {
    /// −n⁻¹ mod 2^64, the Montgomery reduction constant.
    static var montgomeryN0Inverse: UInt64 { 0x4B0D_FF66_5588_B13F }
    /// R² mod n with R = 2^256: multiplying by it converts into Montgomery form.
    static var montgomeryR2: UInt256 { UInt256(l0: 0x896C_F214_67D7_D140, l1: 0x7414_96C2_0E7C_F878,
                                      l2: 0xE697_F5E4_5BCD_07C6, l3: 0x9D67_1CD5_81C6_9BC5) }
    /// R mod n: one in Montgomery form.
    static var montgomeryOne: UInt256 { UInt256(l0: 0x402D_A173_2FC9_BEBF, l1: 0x4551_2319_50B7_5FC4, l2: 1, l3: 0) }

    /// `a + b mod n`.
    @inline(__always)
    static func + (a: Self, b: Self) -> Self {
        let (sum, carry) = a.value.addingWithCarry(b.value)
        let (difference, borrow) = sum.subtractingWithBorrow(Secp256k1.n)
        // Keep the difference when the true sum (carry·2^256 + sum) is at least n.
        return Self(reduced: difference.constantTimeSelect(mask: Limb.mask(carry | (borrow ^ 1)), else: sum))
    }

    /// `−a mod n` (0 stays 0).
    @inline(__always)
    static prefix func - (a: Self) -> Self {
        let (difference, _) = Secp256k1.n.subtractingWithBorrow(a.value)
        return Self(reduced: difference.constantTimeSelect(mask: Limb.mask(a.isZeroBit ^ 1), else: .zero))
    }

    /// `a − b mod n`.
    @inline(__always)
    static func - (a: Self, b: Self) -> Self { a + (-b) }

    /// `a · b mod n`.
    @inline(__always)
    static func * (a: Self, b: Self) -> Self {
        Self(reduced: montgomeryMultiply(montgomeryMultiply(a.value, montgomeryR2), b.value))
    }

    /// `a⁻¹ mod n` (0 for 0) as `a^(n−2)` with a fixed 4-bit window over the public exponent:
    /// constant-time in `a`.
    var inverse: Self {
        let x = Self.montgomeryMultiply(value, Self.montgomeryR2)
        // powers[i] = x^i in Montgomery form, i = 0 … 15.
        var powers = (Self.montgomeryOne, x, UInt256.zero, UInt256.zero, UInt256.zero, UInt256.zero,
                      UInt256.zero, UInt256.zero, UInt256.zero, UInt256.zero, UInt256.zero, UInt256.zero,
                      UInt256.zero, UInt256.zero, UInt256.zero, UInt256.zero)
        return withUnsafeMutableBytes(of: &powers) { raw -> Self in
            let table = raw.bindMemory(to: UInt256.self)
            for i in 2 ..< 16 { table[i] = Self.montgomeryMultiply(table[i - 1], x) }
            let (exponent, _) = Secp256k1.n.subtractingWithBorrow(UInt256(2))
            var acc = Self.montgomeryOne
            for nibbleIndex in stride(from: 63, through: 0, by: -1) {
                if nibbleIndex != 63 {
                    for _ in 0 ..< 4 { acc = Self.montgomeryMultiply(acc, acc) }
                }
                let nibble = Int((exponent.limb(nibbleIndex >> 4) >> UInt64((nibbleIndex & 15) * 4)) & 15)
                if nibble != 0 { acc = Self.montgomeryMultiply(acc, table[nibble]) }
            }
            return Self(reduced: Self.montgomeryMultiply(acc, .one))
        }
    }

    /// Montgomery product `a · b · 2^−256 mod n` for a, b < n (CIOS, branch-free).
    @inline(__always)
    static func montgomeryMultiply(_ a: UInt256, _ b: UInt256) -> UInt256 {
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0, t4: UInt64 = 0
        montgomeryRound(a, b.l0, &t0, &t1, &t2, &t3, &t4)
        montgomeryRound(a, b.l1, &t0, &t1, &t2, &t3, &t4)
        montgomeryRound(a, b.l2, &t0, &t1, &t2, &t3, &t4)
        montgomeryRound(a, b.l3, &t0, &t1, &t2, &t3, &t4)
        let t = UInt256(l0: t0, l1: t1, l2: t2, l3: t3)
        let (difference, borrow) = t.subtractingWithBorrow(Secp256k1.n)
        return difference.constantTimeSelect(mask: Limb.mask(t4 | (borrow ^ 1)), else: t)
    }

    /// One CIOS step: `t = (t + a·bi + m·n) / 2^64` with m chosen to clear the low word.
    @inline(__always)
    private static func montgomeryRound(_ a: UInt256, _ bi: UInt64, _ t0: inout UInt64, _ t1: inout UInt64,
                                        _ t2: inout UInt64, _ t3: inout UInt64, _ t4: inout UInt64) {
        var c: UInt64
        (t0, c) = Limb.mulAdd(a.l0, bi, t0, 0)
        (t1, c) = Limb.mulAdd(a.l1, bi, t1, c)
        (t2, c) = Limb.mulAdd(a.l2, bi, t2, c)
        (t3, c) = Limb.mulAdd(a.l3, bi, t3, c)
        let (u4, u5) = Limb.addCarry(t4, c, 0)
        let n = Secp256k1.n
        let m = t0 &* montgomeryN0Inverse
        (_, c) = Limb.mulAdd(m, n.l0, t0, 0)
        (t0, c) = Limb.mulAdd(m, n.l1, t1, c)
        (t1, c) = Limb.mulAdd(m, n.l2, t2, c)
        (t2, c) = Limb.mulAdd(m, n.l3, t3, c)
        let (v3, k) = Limb.addCarry(u4, c, 0)
        t3 = v3
        t4 = u5 &+ k
    }
}
