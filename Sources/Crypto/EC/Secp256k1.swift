/// The secp256k1 curve y² = x³ + 7 over the prime field of p = 2^256 − 2^32 − 977, with a
/// generator G of prime order n.
///
/// The namespace holds the field and scalar types, points, fixed-base and variable-base
/// multiplication, and ECDSA. Code on secret data (private keys, nonces) is constant-time; code
/// that is not carries `Vartime` in its name and is for public data only.
public enum Secp256k1 {
    /// The field prime p = 2^256 − 2^32 − 977.
    static var p: UInt256 { UInt256(l0: 0xFFFF_FFFE_FFFF_FC2F, l1: .max, l2: .max, l3: .max) }
    /// 2^256 − p = 2^32 + 977, the constant of the special reduction.
    static var pComplement: UInt64 { 0x1_0000_03D1 }
    /// The group order n.
    static var n: UInt256 { UInt256(l0: 0xBFD2_5E8C_D036_4141, l1: 0xBAAE_DCE6_AF48_A03B, l2: 0xFFFF_FFFF_FFFF_FFFE, l3: .max) }
    /// ⌊n / 2⌋: the largest low-s value.
    static var halfN: UInt256 { UInt256(l0: 0xDFE9_2F46_681B_20A0, l1: 0x5D57_6E73_57A4_501D, l2: .max, l3: 0x7FFF_FFFF_FFFF_FFFF) }
    /// The affine x coordinate of G.
    static var gx: UInt256 { UInt256(l0: 0x59F2_815B_16F8_1798, l1: 0x029B_FCDB_2DCE_28D9,
                            l2: 0x55A0_6295_CE87_0B07, l3: 0x79BE_667E_F9DC_BBAC) }
    /// The affine y coordinate of G.
    static var gy: UInt256 { UInt256(l0: 0x9C47_D08F_FB10_D4B8, l1: 0xFD17_B448_A685_5419,
                            l2: 0x5DA4_FBFC_0E11_08A8, l3: 0x483A_DA77_26A3_C465) }
}
