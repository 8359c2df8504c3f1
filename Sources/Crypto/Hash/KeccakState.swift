/// The Keccak-f[1600] sponge shared by `Keccak256` and the internal FIPS 202 `SHA3_256`.
///
/// Lanes and the partial block are inline tuples, so the sponge has no heap storage. The rate
/// and the domain-separation padding byte are parameters (public properties of the hash
/// function, never secrets).
struct KeccakState: Sendable {
    /// The 25 lanes A[x + 5y], each a little-endian 64-bit word.
    var lanes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                UInt64, UInt64, UInt64, UInt64, UInt64) = (
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    )
    /// The partial block awaiting absorption (up to 168 bytes, the largest Keccak rate).
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                 UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                 UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    /// How many bytes of `buffer` hold input.
    var pending = 0

    /// An empty sponge.
    init() {}

    /// Absorbs the bytes at `bufferPointer` with a rate of `rateLanes` lanes (9…21).
    @inline(__always)
    mutating func update(_ bufferPointer: UnsafeRawBufferPointer, rateLanes: Int) {
        guard var input = bufferPointer.baseAddress, bufferPointer.count > 0 else { return }
        let rate = rateLanes * 8
        var remaining = bufferPointer.count
        if pending > 0 {
            let take = min(rate - pending, remaining)
            let start = pending
            withUnsafeMutableBytes(of: &buffer) { $0.baseAddress!.advanced(by: start).copyMemory(from: input, byteCount: take) }
            pending += take
            input += take
            remaining -= take
            guard pending == rate else { return }
            var block = buffer
            withUnsafeBytes(of: &block) { absorb($0.baseAddress!, blockCount: 1, rateLanes: rateLanes) }
            pending = 0
        }
        let blocks = remaining / rate
        if blocks > 0 {
            absorb(input, blockCount: blocks, rateLanes: rateLanes)
            input += blocks * rate
            remaining -= blocks * rate
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &buffer) { $0.baseAddress!.copyMemory(from: input, byteCount: remaining) }
            pending = remaining
        }
    }

    /// Pads with `domain` … 0x80 (pad10*1 after the domain bits), absorbs the last block and
    /// squeezes `outputBytes` (at most one rate's worth); `self` is left unchanged.
    func finalize(rateLanes: Int, domain: UInt8, outputBytes: Int) -> [UInt8] {
        var copy = self
        var block = buffer
        let rate = rateLanes * 8
        let used = pending
        withUnsafeMutableBytes(of: &block) { raw in
            for index in used..<rate { raw[index] = 0 }
            raw[used] ^= domain
            raw[rate - 1] ^= 0x80
            copy.absorb(UnsafeRawPointer(raw.baseAddress!), blockCount: 1, rateLanes: rateLanes)
        }
        var lanes = copy.lanes
        #if _endian(big)
        withUnsafeMutableBytes(of: &lanes) { raw in
            for index in 0..<25 {
                let lane = raw.load(fromByteOffset: index * 8, as: UInt64.self)
                raw.storeBytes(of: lane.littleEndian, toByteOffset: index * 8, as: UInt64.self)
            }
        }
        #endif
        return withUnsafeBytes(of: &lanes) { Array($0[0..<outputBytes]) }
    }
}

/// Rotates `x` left by `n` bits (0 < n < 64).
@inline(__always) func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &<< n) | (x &>> (64 &- n)) }
