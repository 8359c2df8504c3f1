import JSON

/// The fields of a v3 keystore, validated and decoded, before any key derivation.
struct ParsedKeystore {
    /// The KDF and its work factor.
    let kdf: KeystoreKDF
    /// The KDF salt.
    let salt: [UInt8]
    /// `kdfparams.dklen` (32…64; only the first 32 bytes are used).
    let derivedKeyLength: Int
    /// The AES-CTR initial counter block, left-padded to 16 bytes.
    let iv: [UInt8]
    /// The encrypted 32-byte key.
    let ciphertext: [UInt8]
    /// The 32-byte Keccak-256 MAC.
    let mac: [UInt8]

    /// Validates `json` against the v3 layout and `limits`. Keys are matched as geth does for
    /// the one historical variant: "Crypto" is accepted for "crypto".
    init(_ json: JSONValue, limits: KeystoreLimits) throws(KeystoreError) {
        guard json.objectValue != nil else { throw KeystoreError(.malformed, "keystore must be a JSON object") }
        guard let version = json["version"]?.integerValue else {
            throw KeystoreError(.malformed, "keystore has no integer \"version\"")
        }
        guard version == 3 else { throw KeystoreError(.unsupported, "keystore version \(version) is not supported (only 3)") }
        guard let crypto = json["crypto"] ?? json["Crypto"], crypto.objectValue != nil else {
            throw KeystoreError(.malformed, "keystore has no \"crypto\" object")
        }
        let cipher = try Self.string(crypto, "cipher")
        guard cipher == "aes-128-ctr" else { throw KeystoreError(.unsupported, "cipher \"\(cipher)\" is not supported") }
        guard let cipherParams = crypto["cipherparams"], cipherParams.objectValue != nil else {
            throw KeystoreError(.malformed, "keystore has no \"cipherparams\" object")
        }
        let ivBytes = try Self.hex(cipherParams, "iv")
        guard ivBytes.count <= 16 else { throw KeystoreError(.malformed, "iv is longer than 16 bytes") }
        // Older eth-keyfile wrote the IV as a big-endian integer without leading zero bytes.
        iv = [UInt8](repeating: 0, count: 16 - ivBytes.count) + ivBytes
        ciphertext = try Self.hex(crypto, "ciphertext")
        guard ciphertext.count == 32 else {
            throw KeystoreError(.unsupported, "ciphertext must be a 32-byte key, got \(ciphertext.count) bytes")
        }
        mac = try Self.hex(crypto, "mac")
        guard mac.count == 32 else { throw KeystoreError(.malformed, "mac must be 32 bytes, got \(mac.count)") }

        let kdfName = try Self.string(crypto, "kdf")
        guard let params = crypto["kdfparams"], params.objectValue != nil else {
            throw KeystoreError(.malformed, "keystore has no \"kdfparams\" object")
        }
        salt = try Self.hex(params, "salt")
        guard salt.count <= 1024 else { throw KeystoreError(.malformed, "salt is longer than 1024 bytes") }
        derivedKeyLength = try Self.integer(params, "dklen")
        guard (32...64).contains(derivedKeyLength) else {
            throw KeystoreError(.unsupported, "dklen must be 32…64, got \(derivedKeyLength)")
        }
        switch kdfName {
        case "scrypt":
            let n = try Self.integer(params, "n"), r = try Self.integer(params, "r"), p = try Self.integer(params, "p")
            guard n > 1, n & (n - 1) == 0, r >= 1, p >= 1, n <= 1 << 32, r <= 1 << 20, p <= 1 << 20 else {
                throw KeystoreError(.malformed, "scrypt parameters n=\(n) r=\(r) p=\(p) are invalid")
            }
            let memory = n.multipliedReportingOverflow(by: 128 * r)
            let work = n.multipliedReportingOverflow(by: r * p)
            guard !memory.overflow, memory.partialValue <= limits.maxScryptMemory,
                  !work.overflow, work.partialValue <= limits.maxScryptWork
            else {
                throw KeystoreError(.unsupported, "scrypt parameters n=\(n) r=\(r) p=\(p) exceed the limits")
            }
            kdf = .scrypt(n: n, r: r, p: p)
        case "pbkdf2":
            let prf = try Self.string(params, "prf")
            guard prf == "hmac-sha256" else { throw KeystoreError(.unsupported, "pbkdf2 prf \"\(prf)\" is not supported") }
            let c = try Self.integer(params, "c")
            guard c >= 1, c <= limits.maxPBKDF2Iterations else {
                throw KeystoreError(.unsupported, "pbkdf2 iteration count \(c) is outside 1…\(limits.maxPBKDF2Iterations)")
            }
            kdf = .pbkdf2(iterations: c)
        default:
            throw KeystoreError(.unsupported, "kdf \"\(kdfName)\" is not supported")
        }
    }

    /// The string member `key` of `object`.
    static func string(_ object: JSONValue, _ key: String) throws(KeystoreError) -> String {
        guard let value = object[key]?.stringValue else { throw KeystoreError(.malformed, "missing string \"\(key)\"") }
        return value
    }

    /// The integer member `key` of `object`.
    static func integer(_ object: JSONValue, _ key: String) throws(KeystoreError) -> Int {
        guard let value = object[key]?.integerValue, let int = Int(exactly: value) else {
            throw KeystoreError(.malformed, "missing integer \"\(key)\"")
        }
        return int
    }

    /// The bytes of the hex string member `key` of `object` (0x optional).
    static func hex(_ object: JSONValue, _ key: String) throws(KeystoreError) -> [UInt8] {
        let text = try string(object, key)
        do {
            return try Hex.decode(text)
        } catch {
            throw KeystoreError(.malformed, "\"\(key)\" is not hex: \(error.description)")
        }
    }
}
