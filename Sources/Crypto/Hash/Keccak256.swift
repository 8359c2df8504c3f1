/// Keccak-256 as Ethereum uses it: the original Keccak submission's padding (domain byte 0x01),
/// rate 136 bytes, capacity 512 bits, 32-byte digest.
///
/// This is NOT FIPS 202 SHA3-256, which pads with 0x06 and so gives different digests
/// (e.g. for the empty input Keccak-256 is c5d246…a470, SHA3-256 is a7ffc6…434a).
public struct Keccak256: HashFunction {
    /// Keccak-256 absorbs 136-byte blocks (1088-bit rate).
    public static let blockByteCount = 136
    /// Keccak-256 digests are 32 bytes.
    public static let digestByteCount = 32

    /// The sponge.
    var state = KeccakState()

    /// A hasher that has consumed no input.
    public init() {}

    /// Feeds the bytes at `bufferPointer` to the hasher.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        state.update(bufferPointer, rateLanes: 17)
    }

    /// The digest of everything fed so far; the hasher itself is left unchanged.
    public func finalize() -> [UInt8] {
        state.finalize(rateLanes: 17, domain: 0x01, outputBytes: 32)
    }
}

/// FIPS 202 SHA3-256 (domain byte 0x06); kept internal so tests can show it differs from
/// `Keccak256` on the same input and that both share a correct permutation.
struct SHA3_256: HashFunction {
    /// SHA3-256 absorbs 136-byte blocks.
    static let blockByteCount = 136
    /// SHA3-256 digests are 32 bytes.
    static let digestByteCount = 32

    /// The sponge.
    var state = KeccakState()

    /// A hasher that has consumed no input.
    init() {}

    /// Feeds the bytes at `bufferPointer` to the hasher.
    mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        state.update(bufferPointer, rateLanes: 17)
    }

    /// The digest of everything fed so far.
    func finalize() -> [UInt8] {
        state.finalize(rateLanes: 17, domain: 0x06, outputBytes: 32)
    }
}
