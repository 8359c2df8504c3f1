/// 64 bytes held as eight bit planes: bit i of `pk` is bit k of byte i.
///
/// In this form the AES S-box is straight-line AND/XOR/NOT on whole words, computing 64
/// S-boxes at once with no table and no data-dependent branch or memory index.
struct BitslicedBytes: Sendable {
    /// Bit 0 (least significant) of each byte.
    var p0: UInt64
    /// Bit 1 of each byte.
    var p1: UInt64
    /// Bit 2 of each byte.
    var p2: UInt64
    /// Bit 3 of each byte.
    var p3: UInt64
    /// Bit 4 of each byte.
    var p4: UInt64
    /// Bit 5 of each byte.
    var p5: UInt64
    /// Bit 6 of each byte.
    var p6: UInt64
    /// Bit 7 (most significant) of each byte.
    var p7: UInt64

    /// Bytes given directly as their eight bit planes.
    @inline(__always)
    init(p0: UInt64, p1: UInt64, p2: UInt64, p3: UInt64, p4: UInt64, p5: UInt64, p6: UInt64, p7: UInt64) {
        (self.p0, self.p1, self.p2, self.p3, self.p4, self.p5, self.p6, self.p7) = (p0, p1, p2, p3, p4, p5, p6, p7)
    }

    /// Transposes 64 bytes, stored little-endian in eight words (byte i is byte i % 8 of word
    /// i / 8), into bit planes.
    ///
    /// First each word is transposed as an 8×8 bit matrix (byte j, bit k → byte k, bit j), then
    /// the 8×8 matrix of bytes across the words is transposed; the result has bit k of byte
    /// 8i + j at bit 8i + j of plane k.
    @inline(__always)
    init(words w: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) {
        var m = (Self.transposeBits(w.0), Self.transposeBits(w.1), Self.transposeBits(w.2), Self.transposeBits(w.3),
                 Self.transposeBits(w.4), Self.transposeBits(w.5), Self.transposeBits(w.6), Self.transposeBits(w.7))
        Self.transposeBytes(&m)
        self.init(p0: m.0, p1: m.1, p2: m.2, p3: m.3, p4: m.4, p5: m.5, p6: m.6, p7: m.7)
    }

    /// The 64 bytes as eight little-endian words: the inverse of `init(words:)`.
    @inline(__always)
    var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) {
        var m = (p0, p1, p2, p3, p4, p5, p6, p7)
        Self.transposeBytes(&m)
        return (Self.transposeBits(m.0), Self.transposeBits(m.1), Self.transposeBits(m.2), Self.transposeBits(m.3),
                Self.transposeBits(m.4), Self.transposeBits(m.5), Self.transposeBits(m.6), Self.transposeBits(m.7))
    }

    /// Transposes the 8×8 bit matrix whose row j is byte j of `x` (Hacker's Delight, transpose8).
    @inline(__always)
    static func transposeBits(_ x: UInt64) -> UInt64 {
        var x = x
        var t = (x ^ (x &>> 7)) & 0x00AA_00AA_00AA_00AA
        x = x ^ t ^ (t &<< 7)
        t = (x ^ (x &>> 14)) & 0x0000_CCCC_0000_CCCC
        x = x ^ t ^ (t &<< 14)
        t = (x ^ (x &>> 28)) & 0x0000_0000_F0F0_F0F0
        return x ^ t ^ (t &<< 28)
    }

    /// Transposes the 8×8 byte matrix whose row i is word i: byte k of word i ↔ byte i of word k.
    @inline(__always)
    static func transposeBytes(_ m: inout (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) {
        @inline(__always) func swap(_ a: inout UInt64, _ b: inout UInt64, _ shift: UInt64, _ mask: UInt64) {
            let t = ((a &>> shift) ^ b) & mask
            b ^= t
            a ^= t &<< shift
        }
        swap(&m.0, &m.1, 8, 0x00FF_00FF_00FF_00FF)
        swap(&m.2, &m.3, 8, 0x00FF_00FF_00FF_00FF)
        swap(&m.4, &m.5, 8, 0x00FF_00FF_00FF_00FF)
        swap(&m.6, &m.7, 8, 0x00FF_00FF_00FF_00FF)
        swap(&m.0, &m.2, 16, 0x0000_FFFF_0000_FFFF)
        swap(&m.1, &m.3, 16, 0x0000_FFFF_0000_FFFF)
        swap(&m.4, &m.6, 16, 0x0000_FFFF_0000_FFFF)
        swap(&m.5, &m.7, 16, 0x0000_FFFF_0000_FFFF)
        swap(&m.0, &m.4, 32, 0x0000_0000_FFFF_FFFF)
        swap(&m.1, &m.5, 32, 0x0000_0000_FFFF_FFFF)
        swap(&m.2, &m.6, 32, 0x0000_0000_FFFF_FFFF)
        swap(&m.3, &m.7, 32, 0x0000_0000_FFFF_FFFF)
    }

    /// The AES S-box (FIPS 197 §5.1.1) applied to every byte: the multiplicative inverse in
    /// GF(2^8) as x^254 (0 maps to 0) through a fixed addition chain, then the affine map
    /// b ⊕ rot(b,1) ⊕ rot(b,2) ⊕ rot(b,3) ⊕ rot(b,4) ⊕ 0x63.
    @inline(__always)
    func substituted() -> BitslicedBytes {
        let x = self
        let x2 = Self.square(x)
        let x3 = Self.multiply(x2, x)
        let x12 = Self.square(Self.square(x3))
        let x15 = Self.multiply(x12, x3)
        let x240 = Self.square(Self.square(Self.square(Self.square(x15))))
        let x252 = Self.multiply(x240, x12)
        let b = Self.multiply(x252, x2) // x^254
        // s_k = b_k ⊕ b_(k+4) ⊕ b_(k+5) ⊕ b_(k+6) ⊕ b_(k+7) (indices mod 8) ⊕ bit k of 0x63.
        return BitslicedBytes(
            p0: ~(b.p0 ^ b.p4 ^ b.p5 ^ b.p6 ^ b.p7),
            p1: ~(b.p1 ^ b.p5 ^ b.p6 ^ b.p7 ^ b.p0),
            p2: b.p2 ^ b.p6 ^ b.p7 ^ b.p0 ^ b.p1,
            p3: b.p3 ^ b.p7 ^ b.p0 ^ b.p1 ^ b.p2,
            p4: b.p4 ^ b.p0 ^ b.p1 ^ b.p2 ^ b.p3,
            p5: ~(b.p5 ^ b.p1 ^ b.p2 ^ b.p3 ^ b.p4),
            p6: ~(b.p6 ^ b.p2 ^ b.p3 ^ b.p4 ^ b.p5),
            p7: b.p7 ^ b.p3 ^ b.p4 ^ b.p5 ^ b.p6
        )
    }

    /// The S-box of each of the 64 bytes stored little-endian in `words`.
    @inline(__always)
    static func subBytes(_ words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64))
        -> (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    {
        BitslicedBytes(words: words).substituted().words
    }
}
