/// PBKDF2 (RFC 8018 §5.2) with HMAC over any `HashFunction`; `PBKDF2.hmacSHA256` is the
/// Web3-keystore and scrypt flavour.
public enum PBKDF2 {
    /// The most iterations accepted, so that a hostile keystore cannot pin a CPU for hours.
    public static let maxIterations = 100_000_000

    /// PBKDF2-HMAC-SHA256 of `password` and `salt`: `keyByteCount` bytes after `iterations` rounds.
    public static func hmacSHA256<Password: Collection, Salt: Collection>(
        password: Password, salt: Salt, iterations: Int, keyByteCount: Int
    ) throws(KDFError) -> [UInt8] where Password.Element == UInt8, Salt.Element == UInt8 {
        try deriveKey(SHA256.self, password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount)
    }

    /// PBKDF2 with HMAC-`H`: T_i = U_1 ⊕ … ⊕ U_c, U_1 = PRF(P, S ‖ INT(i)), U_j = PRF(P, U_(j-1)).
    ///
    /// The HMAC is keyed once; each iteration copies the keyed state, so one iteration costs two
    /// compression calls. Iteration counts are public, so the loop is fixed-length.
    public static func deriveKey<H: HashFunction, Password: Collection, Salt: Collection>(
        _: H.Type, password: Password, salt: Salt, iterations: Int, keyByteCount: Int
    ) throws(KDFError) -> [UInt8] where Password.Element == UInt8, Salt.Element == UInt8 {
        guard iterations >= 1, iterations <= maxIterations else {
            throw KDFError(reason: "PBKDF2 iteration count must be 1…\(maxIterations), got \(iterations)")
        }
        let blockCount = (keyByteCount + H.digestByteCount - 1) / H.digestByteCount
        guard keyByteCount >= 1, blockCount <= Int(UInt32.max) else {
            throw KDFError(reason: "PBKDF2 derived key length \(keyByteCount) is out of range")
        }
        let keyed = HMAC<H>(key: password)
        var saltMAC = keyed
        saltMAC.update(bytes: salt)
        var output: [UInt8] = []
        output.reserveCapacity(blockCount * H.digestByteCount)
        for blockIndex in 1...blockCount {
            var mac = saltMAC
            withUnsafeBytes(of: UInt32(blockIndex).bigEndian) { mac.update(bufferPointer: $0) }
            var u = mac.finalize()
            var t = u
            for _ in 1..<iterations {
                var next = keyed
                next.update(bytes: u)
                SecureZero.zero(&u)
                u = next.finalize()
                for index in 0..<t.count { t[index] ^= u[index] }
            }
            output.append(contentsOf: t)
            SecureZero.zero(&u)
            SecureZero.zero(&t)
        }
        if output.count > keyByteCount {
            output.withUnsafeMutableBytes { SecureZero.zero(UnsafeMutableRawBufferPointer(rebasing: $0[keyByteCount...])) }
            output.removeLast(output.count - keyByteCount)
        }
        return output
    }
}
