extension Secp256k1.Scalar {
    /// `a⁻¹ mod n` (0 for 0) by the binary extended Euclidean algorithm: faster than `inverse`
    /// but variable-time, so for public values (signature components) only.
    var inverseVartime: Self {
        if value.isZero { return .zero }
        let n = Secp256k1.n
        var u = value
        var v = n
        var x1 = UInt256.one
        var x2 = UInt256.zero
        while u != .one, v != .one {
            while u.l0 & 1 == 0 {
                u = u.shiftedRightOne()
                x1 = Self.halvedModN(x1)
            }
            while v.l0 & 1 == 0 {
                v = v.shiftedRightOne()
                x2 = Self.halvedModN(x2)
            }
            if v < u {
                u = u.subtractingWithBorrow(v).difference
                x1 = (Self(reduced: x1) - Self(reduced: x2)).value
            } else {
                v = v.subtractingWithBorrow(u).difference
                x2 = (Self(reduced: x2) - Self(reduced: x1)).value
            }
        }
        return Self(reduced: u == .one ? x1 : x2)
    }

    /// `x / 2 mod n` for x < n.
    @inline(__always)
    private static func halvedModN(_ x: UInt256) -> UInt256 {
        if x.l0 & 1 == 0 { return x.shiftedRightOne() }
        let (sum, carry) = x.addingWithCarry(Secp256k1.n)
        return sum.shiftedRightOne(topBit: carry)
    }
}
