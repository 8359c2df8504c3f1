public import JSON

/// Web3 Secret Storage v3 keystores (the geth / eth-account JSON key file) for 32-byte keys.
///
/// Layout: `crypto.cipher` "aes-128-ctr" keyed by derivedKey[0..<16], `crypto.mac` =
/// keccak256(derivedKey[16..<32] ‖ ciphertext), KDF scrypt or pbkdf2 (hmac-sha256).
/// The address is the caller's (derived from the key by the EC code) and is written as 40
/// lowercase hex digits without 0x, as geth does.
public enum Web3Keystore {
    /// Encrypts `privateKey` (32 bytes) under `passphrase` (its UTF-8 bytes, unnormalized, as
    /// eth-account does) and returns the keystore JSON object.
    ///
    /// - Parameters:
    ///   - address: the key's Ethereum address, with or without 0x, any case (40 hex digits).
    ///   - kdf: the work factor; `.standard` unless the caller has a reason (tests use small ones).
    ///   - random: the source of salt, IV and UUID; `.system` outside tests.
    public static func encrypt(
        privateKey: [UInt8], passphrase: String, address: String,
        kdf: KeystoreKDF = .standard, random: RandomBytes = .system
    ) throws(KeystoreError) -> JSONValue {
        guard privateKey.count == 32 else {
            throw KeystoreError(.invalidArgument, "private key must be 32 bytes, got \(privateKey.count)")
        }
        let addressHex = try normalizedAddress(address)
        let salt: [UInt8], iv: [UInt8], id: String
        do {
            salt = try random.bytes(32)
            iv = try random.bytes(16)
            id = try UUID4.string(using: random)
        } catch {
            throw KeystoreError(.randomFailure, error.description)
        }
        var passphraseBytes = Array(passphrase.utf8)
        defer { SecureZero.zero(&passphraseBytes) }

        var derived: [UInt8]
        do {
            derived = try kdf.derive(password: passphraseBytes, salt: salt, keyByteCount: 32)
        } catch {
            throw KeystoreError(.invalidArgument, error.reason)
        }
        let kdfParams: JSONValue = switch kdf {
        case let .scrypt(n, r, p):
            ["dklen": 32, "n": .integer(Int64(n)), "r": .integer(Int64(r)), "p": .integer(Int64(p)),
             "salt": .string(Hex.encode(salt, prefix: false))]
        case let .pbkdf2(iterations):
            ["c": .integer(Int64(iterations)), "dklen": 32, "prf": "hmac-sha256", "salt": .string(Hex.encode(salt, prefix: false))]
        }
        defer { SecureZero.zero(&derived) }

        let ciphertext: [UInt8]
        do {
            ciphertext = try AES128CTR.apply(to: privateKey, key: derived[0..<16], iv: iv)
        } catch {
            throw KeystoreError(.invalidArgument, error.description) // unreachable: lengths are fixed
        }
        let mac = macOf(derived, ciphertext)
        return [
            "address": .string(addressHex),
            "crypto": [
                "cipher": "aes-128-ctr",
                "cipherparams": ["iv": .string(Hex.encode(iv, prefix: false))],
                "ciphertext": .string(Hex.encode(ciphertext, prefix: false)),
                "kdf": .string(kdf.name),
                "kdfparams": kdfParams,
                "mac": .string(Hex.encode(mac, prefix: false)),
            ],
            "id": .string(id),
            "version": 3,
        ]
    }

    /// The 32-byte private key in `keystore`, unlocked with `passphrase`.
    ///
    /// Structure and KDF bounds (`limits`) are checked before any expensive work; the MAC is
    /// compared in constant time before anything is decrypted. A wrong passphrase throws
    /// `KeystoreError.macMismatch`.
    public static func decrypt(
        _ keystore: JSONValue, passphrase: String, limits: KeystoreLimits = .default
    ) throws(KeystoreError) -> [UInt8] {
        let parsed = try ParsedKeystore(keystore, limits: limits)
        var passphraseBytes = Array(passphrase.utf8)
        defer { SecureZero.zero(&passphraseBytes) }
        var derived: [UInt8]
        do {
            derived = try parsed.kdf.derive(password: passphraseBytes, salt: parsed.salt, keyByteCount: parsed.derivedKeyLength,
                                            maxScryptMemory: limits.maxScryptMemory)
        } catch {
            throw KeystoreError(.unsupported, error.reason)
        }
        defer { SecureZero.zero(&derived) }
        let mac = macOf(derived, parsed.ciphertext)
        guard constantTimeEquals(mac, parsed.mac) else { throw .macMismatch }
        do {
            return try AES128CTR.apply(to: parsed.ciphertext, key: derived[0..<16], iv: parsed.iv)
        } catch {
            throw KeystoreError(.malformed, error.description) // unreachable: lengths were checked
        }
    }

    /// Parses `jsonText` and decrypts it like `decrypt(_:passphrase:limits:)`.
    public static func decrypt(
        jsonText: String, passphrase: String, limits: KeystoreLimits = .default
    ) throws(KeystoreError) -> [UInt8] {
        let value: JSONValue
        do {
            value = try JSONValue.parse(jsonText)
        } catch {
            throw KeystoreError(.malformed, "keystore is not valid JSON: \(error.description)")
        }
        return try decrypt(value, passphrase: passphrase, limits: limits)
    }

    /// keccak256(derivedKey[16..<32] ‖ ciphertext), hashed in place so the MAC half of the
    /// derived key is not copied into a temporary array.
    static func macOf(_ derived: [UInt8], _ ciphertext: [UInt8]) -> [UInt8] {
        var hasher = Keccak256()
        hasher.update(bytes: derived[16..<32])
        hasher.update(bytes: ciphertext)
        return hasher.finalize()
    }

    /// `address` as 40 lowercase hex digits without 0x, or an `.invalidArgument` error.
    static func normalizedAddress(_ address: String) throws(KeystoreError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try Hex.decode(address)
        } catch {
            throw KeystoreError(.invalidArgument, "address is not hex: \(error.description)")
        }
        guard bytes.count == 20 else {
            throw KeystoreError(.invalidArgument, "address must be 20 bytes (40 hex digits), got \(bytes.count)")
        }
        return Hex.encode(bytes, prefix: false)
    }
}
