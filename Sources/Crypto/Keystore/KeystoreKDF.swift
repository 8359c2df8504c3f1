/// The key-derivation function and work factor of a Web3 Secret Storage (v3) keystore.
public enum KeystoreKDF: Sendable, Equatable, CustomStringConvertible {
    /// scrypt with cost `n` (a power of two), block size `r` and parallelism `p`.
    case scrypt(n: Int, r: Int, p: Int)
    /// PBKDF2-HMAC-SHA256 with `iterations` rounds.
    case pbkdf2(iterations: Int)

    /// The default for new keystores: scrypt N=2^18, r=8, p=1, the "standard" parameters that
    /// geth and eth-account write. It costs 256 MiB and about a second once per unlock, which is
    /// the point: an offline guess costs the attacker the same. Any wallet can open the file.
    public static let standard = KeystoreKDF.scrypt(n: 1 << 18, r: 8, p: 1)

    /// The key this KDF derives from `password` and `salt`, `keyByteCount` bytes long; scrypt
    /// refuses to allocate more than `maxScryptMemory`.
    func derive(password: [UInt8], salt: [UInt8], keyByteCount: Int,
                maxScryptMemory: Int = Scrypt.defaultMaxMemory) throws(KDFError) -> [UInt8] {
        switch self {
        case let .scrypt(n, r, p):
            try Scrypt.derive(password: password, salt: salt, n: n, r: r, p: p, keyByteCount: keyByteCount,
                              maxMemory: maxScryptMemory)
        case let .pbkdf2(iterations):
            try PBKDF2.hmacSHA256(password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount)
        }
    }

    /// The name written to `crypto.kdf`.
    public var name: String {
        switch self {
        case .scrypt: "scrypt"
        case .pbkdf2: "pbkdf2"
        }
    }

    /// A readable summary, e.g. "scrypt(n: 262144, r: 8, p: 1)".
    public var description: String {
        switch self {
        case let .scrypt(n, r, p): "scrypt(n: \(n), r: \(r), p: \(p))"
        case let .pbkdf2(iterations): "pbkdf2(c: \(iterations))"
        }
    }
}

/// Bounds on the work a keystore read from disk may demand before we refuse to derive its key,
/// so a hostile file cannot exhaust memory or pin the CPU.
public struct KeystoreLimits: Sendable, Equatable {
    /// The most memory scrypt may use (128·r·N bytes).
    public var maxScryptMemory: Int
    /// The most scrypt work, as N·r·p.
    public var maxScryptWork: Int
    /// The most PBKDF2 iterations.
    public var maxPBKDF2Iterations: Int

    /// Explicit limits.
    public init(maxScryptMemory: Int, maxScryptWork: Int, maxPBKDF2Iterations: Int) {
        self.maxScryptMemory = maxScryptMemory
        self.maxScryptWork = maxScryptWork
        self.maxPBKDF2Iterations = maxPBKDF2Iterations
    }

    /// 1 GiB of scrypt memory, N·r·p ≤ 2^26 (32× the standard work), 10 million PBKDF2 rounds
    /// (10× eth-account's default): generous for real wallets, bounded for hostile files.
    public static let `default` = KeystoreLimits(
        maxScryptMemory: 1 << 30, maxScryptWork: 1 << 26, maxPBKDF2Iterations: 10_000_000
    )
}
