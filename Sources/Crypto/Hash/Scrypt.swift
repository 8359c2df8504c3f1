/// scrypt (RFC 7914): PBKDF2-HMAC-SHA256 around ROMix, with BlockMix over Salsa20/8.
///
/// Timing note: ROMix reads V[j] where j comes from the password-derived state. That
/// data-dependent memory access is inherent to scrypt's design (it is what makes it
/// memory-hard) and exists in every implementation; everything else here is fixed-length.
public enum Scrypt {
    /// The default cap on the memory `derive` will allocate (128·r·N bytes for V plus 256·r
    /// for the working blocks): 1 GiB, four times what the usual keystore (N=2^18, r=8) needs.
    public static let defaultMaxMemory = 1 << 30

    /// The scrypt key of `password` and `salt` with cost `n` (a power of two > 1), block size
    /// `r`, parallelism `p`, `keyByteCount` bytes long; `p` lanes run one after another
    /// reusing one V.
    public static func derive<Password: Collection, Salt: Collection>(
        password: Password, salt: Salt, n: Int, r: Int, p: Int, keyByteCount: Int,
        maxMemory: Int = defaultMaxMemory
    ) throws(KDFError) -> [UInt8] where Password.Element == UInt8, Salt.Element == UInt8 {
        guard n > 1, n & (n - 1) == 0, n <= 1 << 32 else {
            throw KDFError(reason: "scrypt N must be a power of two greater than 1, got \(n)")
        }
        guard r >= 1, p >= 1, r <= 1 << 20, p <= 1 << 20, r * p < 1 << 30 else {
            throw KDFError(reason: "scrypt r and p must be positive with r·p < 2^30, got r=\(r) p=\(p)")
        }
        // N < 2^(128·r/8) holds for every r ≥ 1 once N ≤ 2^32, so only the memory bound remains.
        let (vBytes, overflow) = n.multipliedReportingOverflow(by: 128 * r)
        guard !overflow, vBytes <= maxMemory else {
            throw KDFError(reason: "scrypt N=\(n) r=\(r) needs more than the \(maxMemory)-byte memory limit")
        }
        guard keyByteCount >= 1 else { throw KDFError(reason: "scrypt derived key length must be positive") }

        let laneBytes = 128 * r
        var b = try PBKDF2.hmacSHA256(password: password, salt: salt, iterations: 1, keyByteCount: p * laneBytes)
        let words = 32 * r
        let v = UnsafeMutablePointer<UInt32>.allocate(capacity: n * words)
        let x = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * words)
        defer {
            SecureZero.zero(UnsafeMutableRawBufferPointer(start: v, count: n * words * 4))
            SecureZero.zero(UnsafeMutableRawBufferPointer(start: x, count: 2 * words * 4))
            v.deallocate()
            x.deallocate()
        }
        b.withUnsafeMutableBytes { raw in
            for lane in 0..<p {
                let base = lane * laneBytes
                for index in 0..<words {
                    x[index] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: base + 4 * index, as: UInt32.self))
                }
                roMix(x, v: v, n: n, r: r)
                for index in 0..<words {
                    raw.storeBytes(of: x[index].littleEndian, toByteOffset: base + 4 * index, as: UInt32.self)
                }
            }
        }
        defer { SecureZero.zero(&b) }
        return try PBKDF2.hmacSHA256(password: password, salt: b, iterations: 1, keyByteCount: keyByteCount)
    }

    /// ROMix (RFC 7914 §5) on the 32·r words at `x` (which has room for 64·r: the second half is
    /// scratch), using `v` (N·32·r words).
    static func roMix(_ x: UnsafeMutablePointer<UInt32>, v: UnsafeMutablePointer<UInt32>, n: Int, r: Int) {
        let words = 32 * r
        let y = x + words
        for i in 0..<n {
            (v + i * words).update(from: x, count: words)
            blockMix(x, into: y, r: r)
            x.update(from: y, count: words)
        }
        let mask = UInt64(n - 1)
        for _ in 0..<n {
            // Integerify: the first word of the last 64-byte block (n ≤ 2^32, so 32 bits suffice).
            let j = Int(UInt64(x[words - 16]) & mask)
            let vj = v + j * words
            for k in 0..<words { x[k] ^= vj[k] }
            blockMix(x, into: y, r: r)
            x.update(from: y, count: words)
        }
    }

    /// BlockMix_Salsa20/8 (RFC 7914 §4): 2r 64-byte blocks from `input` to `output`, even-indexed
    /// results first, then odd-indexed.
    @inline(__always)
    static func blockMix(_ input: UnsafeMutablePointer<UInt32>, into output: UnsafeMutablePointer<UInt32>, r: Int) {
        var state = SalsaBlock(input + (2 * r - 1) * 16)
        for i in 0..<(2 * r) {
            state.xor(input + i * 16)
            state.salsa20_8()
            state.store(output + ((i & 1) * r + (i >> 1)) * 16)
        }
    }
}

/// Sixteen 32-bit words of Salsa20 state, kept in registers across a BlockMix.
struct SalsaBlock {
    /// The words x0…x15.
    var x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15: UInt32

    /// The block at `p`.
    @inline(__always)
    init(_ p: UnsafePointer<UInt32>) {
        (x0, x1, x2, x3, x4, x5, x6, x7) = (p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7])
        (x8, x9, x10, x11, x12, x13, x14, x15) = (p[8], p[9], p[10], p[11], p[12], p[13], p[14], p[15])
    }

    /// XORs the block at `p` in.
    @inline(__always)
    mutating func xor(_ p: UnsafePointer<UInt32>) {
        x0 ^= p[0]; x1 ^= p[1]; x2 ^= p[2]; x3 ^= p[3]; x4 ^= p[4]; x5 ^= p[5]; x6 ^= p[6]; x7 ^= p[7]
        x8 ^= p[8]; x9 ^= p[9]; x10 ^= p[10]; x11 ^= p[11]; x12 ^= p[12]; x13 ^= p[13]; x14 ^= p[14]; x15 ^= p[15]
    }

    /// Writes the block to `p`.
    @inline(__always)
    func store(_ p: UnsafeMutablePointer<UInt32>) {
        p[0] = x0; p[1] = x1; p[2] = x2; p[3] = x3; p[4] = x4; p[5] = x5; p[6] = x6; p[7] = x7
        p[8] = x8; p[9] = x9; p[10] = x10; p[11] = x11; p[12] = x12; p[13] = x13; p[14] = x14; p[15] = x15
    }

    /// The Salsa20/8 core (RFC 7914 §3): four double rounds, then the input added word-wise.
    @inline(__always)
    mutating func salsa20_8() {
        @inline(__always) func rot(_ v: UInt32, _ n: UInt32) -> UInt32 { (v &<< n) | (v &>> (32 &- n)) }
        var (a0, a1, a2, a3, a4, a5, a6, a7) = (x0, x1, x2, x3, x4, x5, x6, x7)
        var (a8, a9, a10, a11, a12, a13, a14, a15) = (x8, x9, x10, x11, x12, x13, x14, x15)
        for _ in 0..<4 {
            // Columns.
            a4 ^= rot(a0 &+ a12, 7); a8 ^= rot(a4 &+ a0, 9); a12 ^= rot(a8 &+ a4, 13); a0 ^= rot(a12 &+ a8, 18)
            a9 ^= rot(a5 &+ a1, 7); a13 ^= rot(a9 &+ a5, 9); a1 ^= rot(a13 &+ a9, 13); a5 ^= rot(a1 &+ a13, 18)
            a14 ^= rot(a10 &+ a6, 7); a2 ^= rot(a14 &+ a10, 9); a6 ^= rot(a2 &+ a14, 13); a10 ^= rot(a6 &+ a2, 18)
            a3 ^= rot(a15 &+ a11, 7); a7 ^= rot(a3 &+ a15, 9); a11 ^= rot(a7 &+ a3, 13); a15 ^= rot(a11 &+ a7, 18)
            // Rows.
            a1 ^= rot(a0 &+ a3, 7); a2 ^= rot(a1 &+ a0, 9); a3 ^= rot(a2 &+ a1, 13); a0 ^= rot(a3 &+ a2, 18)
            a6 ^= rot(a5 &+ a4, 7); a7 ^= rot(a6 &+ a5, 9); a4 ^= rot(a7 &+ a6, 13); a5 ^= rot(a4 &+ a7, 18)
            a11 ^= rot(a10 &+ a9, 7); a8 ^= rot(a11 &+ a10, 9); a9 ^= rot(a8 &+ a11, 13); a10 ^= rot(a9 &+ a8, 18)
            a12 ^= rot(a15 &+ a14, 7); a13 ^= rot(a12 &+ a15, 9); a14 ^= rot(a13 &+ a12, 13); a15 ^= rot(a14 &+ a13, 18)
        }
        x0 &+= a0; x1 &+= a1; x2 &+= a2; x3 &+= a3; x4 &+= a4; x5 &+= a5; x6 &+= a6; x7 &+= a7
        x8 &+= a8; x9 &+= a9; x10 &+= a10; x11 &+= a11; x12 &+= a12; x13 &+= a13; x14 &+= a14; x15 &+= a15
    }
}
