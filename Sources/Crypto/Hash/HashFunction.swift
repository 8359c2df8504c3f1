/// A cryptographic hash function with incremental and one-shot use, in the shape of
/// swift-crypto's `HashFunction` (digests are plain byte arrays here).
///
/// Conforming types are small value types: copying one forks the computation, which is how
/// `HMAC` keeps its precomputed inner and outer states.
public protocol HashFunction: Sendable {
    /// The size in bytes of the blocks the compression function consumes.
    static var blockByteCount: Int { get }
    /// The size in bytes of a digest.
    static var digestByteCount: Int { get }

    /// A hasher that has consumed no input.
    init()

    /// Feeds the bytes at `bufferPointer` to the hasher.
    mutating func update(bufferPointer: UnsafeRawBufferPointer)

    /// The digest of everything fed so far; the hasher itself is left unchanged.
    func finalize() -> [UInt8]
}

extension HashFunction {
    /// Feeds `bytes` to the hasher; contiguous collections are read in place, others are copied once.
    @inlinable
    public mutating func update<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            Array(bytes).withUnsafeBytes { update(bufferPointer: $0) }
        }
    }

    /// The digest of `bytes` in one call.
    @inlinable
    public static func hash<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = Self()
        hasher.update(bytes: bytes)
        return hasher.finalize()
    }
}
