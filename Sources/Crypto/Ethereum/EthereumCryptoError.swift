/// Why an Ethereum key, address, signature or digest was refused.
public enum EthereumCryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A private key that is not 32 bytes encoding a value in [1, n).
    case invalidPrivateKey(String)
    /// Bytes that are not a valid secp256k1 public key (wrong length or prefix, not on the curve).
    case invalidPublicKey(String)
    /// A signature that is malformed or fails the rules asked for (r, s range, high s, v).
    case invalidSignature(String)
    /// A digest that is not 32 bytes.
    case invalidDigest(String)
    /// An address that is malformed or fails its EIP-55 checksum.
    case invalidAddress(String)

    /// A readable reason.
    public var description: String {
        switch self {
        case .invalidPrivateKey(let why): "invalid private key: \(why)"
        case .invalidPublicKey(let why): "invalid public key: \(why)"
        case .invalidSignature(let why): "invalid signature: \(why)"
        case .invalidDigest(let why): "invalid digest: \(why)"
        case .invalidAddress(let why): "invalid address: \(why)"
        }
    }
}
