extension Secp256k1.Scalar {
    /// λ, a cube root of unity mod n: λ·(x, y) = (β·x, y) on secp256k1.
    static var lambda: UInt256 {
        UInt256(l0: 0xDF02_967C_1B23_BD72, l1: 0x122E_22EA_2081_6678, l2: 0xA526_1C02_8812_645A, l3: 0x5363_AD4C_C05C_30E0)
    }
    /// −λ mod n.
    static var minusLambda: UInt256 {
        UInt256(l0: 0xE0CF_C810_B512_83CF, l1: 0xA880_B9FC_8EC7_39C2, l2: 0x5AD9_E3FD_77ED_9BA4, l3: 0xAC9C_52B3_3FA3_CF1F)
    }
    /// round(2^384 · b2 / n) for the lattice basis of the GLV decomposition.
    static var g1: UInt256 {
        UInt256(l0: 0xE893_209A_45DB_B031, l1: 0x3DAA_8A14_71E8_CA7F, l2: 0xE86C_90E4_9284_EB15, l3: 0x3086_D221_A7D4_6BCD)
    }
    /// round(2^384 · (−b1) / n).
    static var g2: UInt256 {
        UInt256(l0: 0x1571_B4AE_8AC4_7F71, l1: 0x2212_08AC_9DF5_06C6, l2: 0x6F54_7FA9_0ABF_E4C4, l3: 0xE443_7ED6_010E_8828)
    }
    /// −b1 = 0xe4437ed6010e88286f547fa90abfe4c3.
    static var minusB1: UInt256 { UInt256(l0: 0x6F54_7FA9_0ABF_E4C3, l1: 0xE443_7ED6_010E_8828, l2: 0, l3: 0) }
    /// −b2 mod n.
    static var minusB2: UInt256 {
        UInt256(l0: 0xD765_CDA8_3DB1_562C, l1: 0x8A28_0AC5_0774_346D, l2: 0xFFFF_FFFF_FFFF_FFFE, l3: .max)
    }

    /// Splits k into k1 + k2·λ ≡ k (mod n) with |k1|, |k2| < 2^128 (libsecp256k1's
    /// `scalar_split_lambda`), returning magnitudes and signs; variable-time (public scalars).
    func splitLambdaVartime() -> (k1: UInt256, k1Negative: Bool, k2: UInt256, k2Negative: Bool) {
        let c1 = Self(reduced: Self.mulShift384(value, Self.g1)) * Self(reduced: Self.minusB1)
        let c2 = Self(reduced: Self.mulShift384(value, Self.g2)) * Self(reduced: Self.minusB2)
        let r2 = c1 + c2
        let r1 = r2 * Self(reduced: Self.minusLambda) + self
        let (m1, n1) = r1.magnitudeAndSign()
        let (m2, n2) = r2.magnitudeAndSign()
        return (m1, n1, m2, n2)
    }

    /// (|v|, v < 0) reading values above n/2 as negative.
    private func magnitudeAndSign() -> (UInt256, Bool) {
        isHighVartime ? ((-self).value, true) : (value, false)
    }

    /// round(a · b / 2^384) for a, b < 2^256 (the result is below 2^128 + 1).
    private static func mulShift384(_ a: UInt256, _ b: UInt256) -> UInt256 {
        let (_, high) = a.multipliedFullWidth(b)
        let round = high.l1 >> 63
        let (sum, _) = UInt256(l0: high.l2, l1: high.l3, l2: 0, l3: 0).addingWithCarry(UInt256(round))
        return sum
    }
}
