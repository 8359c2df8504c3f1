import Store
import JSON
public import Crypto

/// Private keys at rest: one Web3 Secret Storage (keystore v3) file per key under
/// `<home>/keys/`, mode 0600, encrypted with the passphrase from `TAK_WALLET_PASSPHRASE`, or,
/// when that is unset, with a random master secret created once in `<home>/keys/master.secret`.
///
/// What the master secret protects against: keystore files copied without the home folder
/// (backups, sync, logs). What it does not: anyone who can read the whole home folder can
/// decrypt every key. Set `TAK_WALLET_PASSPHRASE` (and keep it elsewhere) for that.
///
/// Nothing here ever prints or returns key material; errors name files and reasons only.
public final class KeyVault: Sendable {
    /// Where keystores live.
    public let folder: String
    /// Where the passphrase came from, for `doctor` and messages (never the passphrase itself).
    public let passphraseSource: PassphraseSource
    private let passphrase: String
    private let kdf: KeystoreKDF
    private let random: RandomBytes
    /// Decrypted keys by lowercase address, so a slow KDF is paid once per process.
    private let unlocked = Locked<[String: EthereumPrivateKey]>([:])

    /// Where the keystore passphrase comes from.
    public enum PassphraseSource: String, Sendable {
        /// `TAK_WALLET_PASSPHRASE`.
        case environment
        /// `<home>/keys/master.secret`.
        case masterSecret = "master-secret"
    }

    /// Opens the vault of `home`. With no passphrase, reads or creates the master secret. The
    /// KDF defaults to scrypt N=2^18 for a passphrase (people choose weak ones) and N=2^14 for
    /// the 256-bit random master secret, which stretching cannot strengthen.
    public init(home: String, passphrase: String?, random: RandomBytes = .system, kdf: KeystoreKDF? = nil) throws {
        folder = home + "/keys"
        self.random = random
        do {
            try AtomicFile.makeFolder(folder)
        } catch {
            throw WalletError(code: .internalError, message: "cannot create the key folder \(error)")
        }
        if let passphrase, !passphrase.isEmpty {
            self.passphrase = passphrase
            passphraseSource = .environment
            self.kdf = kdf ?? .standard
        } else {
            self.passphrase = try KeyVault.masterSecret(in: folder, random: random)
            passphraseSource = .masterSecret
            self.kdf = kdf ?? .scrypt(n: 1 << 14, r: 8, p: 1)
        }
    }

    /// The path of the keystore for `address`.
    public func path(for address: EthereumAddress) -> String {
        "\(folder)/\(address.lowercased.dropFirst(2)).json"
    }

    /// Encrypts and stores `key`; refuses to overwrite an existing keystore. Returns its path.
    @discardableResult
    public func save(_ key: EthereumPrivateKey) throws -> String {
        let address = key.address
        let keystore: JSONValue
        do {
            keystore = try Web3Keystore.encrypt(privateKey: key.bytes, passphrase: passphrase, address: address.lowercased, kdf: kdf, random: random)
        } catch {
            throw WalletError(code: .internalError, message: "cannot encrypt the key for \(address): \(error)")
        }
        let file = path(for: address)
        do {
            try AtomicFile.write(Array(keystore.prettyPrinted.utf8), to: file, mode: 0o600, exclusive: true)
        } catch {
            throw WalletError(code: .internalError, message: "cannot write the keystore \(error)")
        }
        unlocked.withLock { $0[address.lowercased] = key }
        return file
    }

    /// The key for `address`, decrypted from its keystore (once per process).
    public func key(for address: EthereumAddress) throws -> EthereumPrivateKey {
        if let cached = unlocked.withLock({ $0[address.lowercased] }) { return cached }
        let file = path(for: address)
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(file)
        } catch {
            throw WalletError(code: .internalError, message: "cannot read the keystore \(error)")
        }
        guard let bytes else {
            throw WalletError(code: .notFound, message: "no keystore for \(address) in \(folder); re-register the wallet with wallet_register")
        }
        let key = try Self.decrypt(bytes, passphrase: passphrase, file: file,
                                   hint: passphraseSource == .environment ? "TAK_WALLET_PASSPHRASE is not the passphrase this keystore was written with" : "the master secret does not match this keystore")
        guard key.address == address else {
            throw WalletError(code: .internalError, message: "the keystore \(file) holds a key for another address")
        }
        unlocked.withLock { $0[address.lowercased] = key }
        return key
    }

    /// Decrypts a keystore someone else wrote (e.g. by eth-account or geth) with `passphrase`.
    public static func importKeystore(at path: String, passphrase: String) throws -> EthereumPrivateKey {
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(path, limit: 1 << 20)
        } catch {
            throw WalletError(code: .invalidRequest, message: "cannot read the keystore \(error)", field: "keystore_path")
        }
        guard let bytes else {
            throw WalletError(code: .invalidRequest, message: "no file at \(path); pass the path of a keystore v3 JSON file", field: "keystore_path")
        }
        return try decrypt(bytes, passphrase: passphrase, file: path, hint: "check the passphrase")
    }

    static func decrypt(_ bytes: [UInt8], passphrase: String, file: String, hint: String) throws -> EthereumPrivateKey {
        do {
            let secret = try Web3Keystore.decrypt(jsonText: String(decoding: bytes, as: UTF8.self), passphrase: passphrase)
            return try EthereumPrivateKey(bytes: secret)
        } catch let error as KeystoreError {
            throw WalletError(code: .invalidRequest, message: "cannot decrypt \(file): \(error) (\(hint))", field: "keystore_path")
        } catch {
            throw WalletError(code: .invalidRequest, message: "the keystore \(file) does not hold a valid secp256k1 key", field: "keystore_path")
        }
    }

    /// Reads the master secret, creating it (32 random bytes, hex, mode 0600) on first use. Two
    /// processes racing to create it agree: only one link succeeds and both read its file.
    static func masterSecret(in folder: String, random: RandomBytes) throws -> String {
        let file = folder + "/master.secret"
        func readExisting() throws -> String? {
            guard let bytes = try AtomicFile.read(file, limit: 4096) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
            guard text.count == 64, text.allSatisfy(\.isHexDigit) else {
                throw WalletError(code: .internalError, message: "\(file) is not a 64-digit hex master secret; restore it from a backup (without it the keystores cannot be decrypted)")
            }
            return text
        }
        if let existing = try readExisting() { return existing }
        let secret: [UInt8]
        do { secret = try random.bytes(32) } catch {
            throw WalletError(code: .internalError, message: "the system random source failed: \(error)")
        }
        do {
            try AtomicFile.write(Array((Hex.encode(secret, prefix: false) + "\n").utf8), to: file, mode: 0o600, exclusive: true)
        } catch where error.reason.hasPrefix("EEXIST") {
            // Another process created it first: use theirs.
        } catch {
            throw WalletError(code: .internalError, message: "cannot create the master secret \(error)")
        }
        guard let created = try readExisting() else {
            throw WalletError(code: .internalError, message: "the master secret \(file) vanished while it was being created")
        }
        return created
    }
}

extension String {
    /// This string without leading and trailing white space (spaces, tabs, CR, LF).
    public var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

/// A wallet failure for the model: a TAK-style code, a message that says what to do, and the
/// field at fault.
public struct WalletError: Error, Sendable, CustomStringConvertible {
    /// `invalid_request`, `not_found`, `conflict`, `rpc_error`, `internal_error`, …
    public var code: FailureCode
    /// What went wrong and what to do.
    public var message: String
    /// The argument at fault, if any.
    public var field: String?

    /// Creates an error.
    public init(code: FailureCode, message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { "\(code): \(message)" }

    /// As a tool failure.
    public var failure: ToolFailure {
        ToolFailure(code: code, message: message, details: field.map { ["field": .string($0)] } ?? [:])
    }
}
