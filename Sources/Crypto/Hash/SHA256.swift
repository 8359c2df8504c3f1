/// SHA-256 (FIPS 180-4), incremental and allocation-free.
///
/// The chaining value and the partial block are stored inline (tuples), so a hasher is a plain
/// value with no heap storage; copying it is cheap. Nothing branches on or indexes by data.
public struct SHA256: HashFunction {
    /// SHA-256 consumes 64-byte blocks.
    public static let blockByteCount = 64
    /// SHA-256 digests are 32 bytes.
    public static let digestByteCount = 32

    /// The chaining value H0…H7.
    var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// Bytes of the current partial block (only the first `pending` are meaningful).
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// How many bytes of `buffer` hold input (0..<64).
    var pending = 0
    /// Total input length in bytes (the message length in the padding is this times 8).
    var length: UInt64 = 0

    /// A hasher that has consumed no input.
    public init() {}

    /// Feeds the bytes at `bufferPointer` to the hasher.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        guard var input = bufferPointer.baseAddress, bufferPointer.count > 0 else { return }
        var remaining = bufferPointer.count
        length &+= UInt64(remaining)
        if pending > 0 {
            let take = min(64 - pending, remaining)
            let start = pending
            withUnsafeMutableBytes(of: &buffer) { $0.baseAddress!.advanced(by: start).copyMemory(from: input, byteCount: take) }
            pending += take
            input += take
            remaining -= take
            guard pending == 64 else { return }
            var block = buffer
            withUnsafeBytes(of: &block) { compress($0.baseAddress!, blockCount: 1) }
            pending = 0
        }
        let blocks = remaining / 64
        if blocks > 0 {
            compress(input, blockCount: blocks)
            input += blocks * 64
            remaining -= blocks * 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &buffer) { $0.baseAddress!.copyMemory(from: input, byteCount: remaining) }
            pending = remaining
        }
    }

    /// The digest of everything fed so far; the hasher itself is left unchanged.
    public func finalize() -> [UInt8] {
        var copy = self
        var tail: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        let used = pending
        let tailBlocks = used < 56 ? 1 : 2
        let bitLength = length &<< 3
        withUnsafeMutableBytes(of: &tail) { raw in
            withUnsafeBytes(of: buffer) { raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<used])) }
            raw[used] = 0x80
            raw.storeBytes(of: bitLength.bigEndian, toByteOffset: tailBlocks * 64 - 8, as: UInt64.self)
            copy.compress(UnsafeRawPointer(raw.baseAddress!), blockCount: tailBlocks)
        }
        let state = copy.h
        var digest = (state.0.bigEndian, state.1.bigEndian, state.2.bigEndian, state.3.bigEndian,
                      state.4.bigEndian, state.5.bigEndian, state.6.bigEndian, state.7.bigEndian)
        return withUnsafeBytes(of: &digest) { Array($0) }
    }
}

// The FIPS 180-4 §4.1.2 functions, written so LLVM emits rotates and no branches.

/// Rotates `x` right by `n` bits (0 < n < 32).
@inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
/// Σ0(a) = ROTR2 ⊕ ROTR13 ⊕ ROTR22.
@inline(__always) func bigSigma0(_ x: UInt32) -> UInt32 { rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22) }
/// Σ1(e) = ROTR6 ⊕ ROTR11 ⊕ ROTR25.
@inline(__always) func bigSigma1(_ x: UInt32) -> UInt32 { rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25) }
/// σ0(w) = ROTR7 ⊕ ROTR18 ⊕ SHR3.
@inline(__always) func sigma0(_ x: UInt32) -> UInt32 { rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3) }
/// σ1(w) = ROTR17 ⊕ ROTR19 ⊕ SHR10.
@inline(__always) func sigma1(_ x: UInt32) -> UInt32 { rotr(x, 17) ^ rotr(x, 19) ^ (x &>> 10) }
/// Ch(e, f, g): bits of f where e is set, of g elsewhere.
@inline(__always) func choose(_ e: UInt32, _ f: UInt32, _ g: UInt32) -> UInt32 { g ^ (e & (f ^ g)) }
/// Maj(a, b, c): the bitwise majority.
@inline(__always) func majority(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 { (a & b) | (c & (a | b)) }
