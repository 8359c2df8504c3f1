/// A secp256k1 private key for Ethereum signing: a scalar d with 0 < d < n.
///
/// The key never appears in `description`, `debugDescription` or string interpolation; read
/// `bytes` explicitly when it must be exported (for a keystore). Signing and public-key
/// derivation are constant-time in the key.
public struct EthereumPrivateKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The scalar d.
    let scalar: Secp256k1.Scalar

    /// The key for 32 big-endian bytes; throws unless they encode a value in [1, n).
    public init(bytes: some Collection<UInt8>) throws(EthereumCryptoError) {
        guard bytes.count == 32 else { throw .invalidPrivateKey("expected 32 bytes, got \(bytes.count)") }
        guard let d = Secp256k1.Scalar(nonZeroBytesVartime: bytes) else {
            throw .invalidPrivateKey("value must be in [1, n − 1]")
        }
        scalar = d
    }

    /// The key for a hex string of 64 digits (optional 0x prefix); throws unless it is in [1, n).
    public init(hex: String) throws(EthereumCryptoError) {
        var decoded: [UInt8]
        do { decoded = try Hex.decode(hex) } catch { throw .invalidPrivateKey("not hex: \(error)") }
        defer { SecureZero.zero(&decoded) }
        try self.init(bytes: decoded)
    }

    /// A new key from `random` (the operating system's generator unless a test injects one):
    /// 32 random bytes, drawn again in the rare case (below 2^−127) they are not in [1, n).
    public static func generate(using random: RandomBytes = .system) throws(RandomBytesError) -> EthereumPrivateKey {
        while true {
            var candidate = try random.bytes(32)
            defer { SecureZero.zero(&candidate) }
            if let key = try? EthereumPrivateKey(bytes: candidate) { return key }
        }
    }

    /// The 32 big-endian key bytes. Secret: never log them.
    public var bytes: [UInt8] { scalar.bytes }

    /// The public key d·G (constant-time fixed-base multiplication).
    public var publicKey: EthereumPublicKey { EthereumPublicKey(point: Secp256k1.multiplyGenerator(scalar)) }

    /// The address of the public key.
    public var address: EthereumAddress { publicKey.address }

    /// A redacted placeholder, never the key.
    public var description: String { "EthereumPrivateKey(<redacted>)" }

    /// A redacted placeholder, never the key.
    public var debugDescription: String { description }
}
