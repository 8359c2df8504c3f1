import JSON
import Testing
@testable import Crypto

/// Web3 Secret Storage v3: the published test vectors, round trips, the exact JSON shape and
/// every refusal path.
@Suite("Web3 keystore")
struct KeystoreTests {
    /// The key of the Web3 Secret Storage definition's test vectors (passphrase "testpassword").
    static let specKey = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"
    /// A public test key (the vector file's key "one" address is for 0x…01; this is just 32 bytes).
    static let key = (1...32).map { UInt8($0) }
    /// Any syntactically valid address (the EC code derives the real one).
    static let address = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"

    /// The Web3 Secret Storage definition's PBKDF2 test vector (c = 262144).
    static let specPBKDF2 = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
        "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"pbkdf2",
        "kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256",
        "salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
        "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
        "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """

    /// The definition's scrypt test vector (N = 262144, r = 1, p = 8): 8.4 M Salsa20/8 calls,
    /// run only when TAK_SLOW_TESTS is set (a release build does it in about a second).
    static let specScrypt = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
        "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c","kdf":"scrypt",
        "kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,
        "salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
        "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
        "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """

    @Test("Web3 Secret Storage PBKDF2 test vector")
    func specVectorPBKDF2() throws {
        let key = try Web3Keystore.decrypt(jsonText: Self.specPBKDF2, passphrase: "testpassword")
        #expect(Hex.encode(key, prefix: false) == Self.specKey)
        #expect(throws: KeystoreError.macMismatch) {
            try Web3Keystore.decrypt(jsonText: Self.specPBKDF2, passphrase: "testpassword!")
        }
    }

    @Test("Web3 Secret Storage scrypt test vector", .enabled(if: CryptoTestEnvironment.slowTests, "set TAK_SLOW_TESTS=1 (N=2^18 scrypt)"))
    func specVectorScrypt() throws {
        let key = try Web3Keystore.decrypt(jsonText: Self.specScrypt, passphrase: "testpassword")
        #expect(Hex.encode(key, prefix: false) == Self.specKey)
    }

    @Test("Round trip", arguments: [KeystoreKDF.scrypt(n: 1024, r: 8, p: 1), .scrypt(n: 16, r: 1, p: 3),
                                    .pbkdf2(iterations: 1000)])
    func roundTrip(_ kdf: KeystoreKDF) throws {
        let json = try Web3Keystore.encrypt(privateKey: Self.key, passphrase: "correct horse ⚡️", address: Self.address,
                                            kdf: kdf, random: .deterministic(seed: 7))
        let text = json.jsonText
        #expect(try Web3Keystore.decrypt(jsonText: text, passphrase: "correct horse ⚡️") == Self.key)
        #expect(throws: KeystoreError.macMismatch) {
            try Web3Keystore.decrypt(json, passphrase: "correct horse")
        }
        #expect(KeystoreError.macMismatch.description == "wrong passphrase or corrupted keystore (MAC mismatch)")
        // The key never appears in the file.
        #expect(!text.contains(Hex.encode(Self.key, prefix: false)))
    }

    @Test("JSON shape matches eth-account's v3 layout")
    func shape() throws {
        let json = try Web3Keystore.encrypt(privateKey: Self.key, passphrase: "pw", address: Self.address,
                                            kdf: .scrypt(n: 16, r: 8, p: 1), random: .deterministic(seed: 1))
        #expect(json.objectValue?.keys == ["address", "crypto", "id", "version"])
        #expect(json["address"] == "7e5f4552091a69125d5dfcb7b8c2659029395bdf")
        #expect(json["version"] == 3)
        let crypto = try #require(json["crypto"])
        #expect(crypto.objectValue?.keys == ["cipher", "cipherparams", "ciphertext", "kdf", "kdfparams", "mac"])
        #expect(crypto["cipher"] == "aes-128-ctr")
        #expect(crypto["kdf"] == "scrypt")
        #expect(crypto["kdfparams"]?.objectValue?.keys == ["dklen", "n", "r", "p", "salt"])
        #expect(crypto["kdfparams"]?["n"] == 16 && crypto["kdfparams"]?["dklen"] == 32)
        #expect(crypto["cipherparams"]?["iv"]?.stringValue?.count == 32)
        #expect(crypto["ciphertext"]?.stringValue?.count == 64)
        #expect(crypto["mac"]?.stringValue?.count == 64)
        #expect(crypto["kdfparams"]?["salt"]?.stringValue?.count == 64)
        let id = try #require(json["id"]?.stringValue)
        #expect(id.count == 36 && Array(id)[14] == "4")
        let pbkdf2 = try Web3Keystore.encrypt(privateKey: Self.key, passphrase: "pw", address: Self.address,
                                              kdf: .pbkdf2(iterations: 2), random: .deterministic(seed: 1))
        #expect(pbkdf2["crypto"]?["kdfparams"]?.objectValue?.keys == ["c", "dklen", "prf", "salt"])
        #expect(pbkdf2["crypto"]?["kdfparams"]?["prf"] == "hmac-sha256")
        // Same seed, same file: the deterministic source makes keystores reproducible in tests.
        let again = try Web3Keystore.encrypt(privateKey: Self.key, passphrase: "pw", address: Self.address,
                                             kdf: .scrypt(n: 16, r: 8, p: 1), random: .deterministic(seed: 1))
        #expect(again == json)
    }

    @Test("MAC is keccak256(derivedKey[16..<32] ‖ ciphertext), checked by recomputation")
    func macDefinition() throws {
        let json = try Web3Keystore.encrypt(privateKey: Self.key, passphrase: "pw", address: Self.address,
                                            kdf: .pbkdf2(iterations: 3), random: .deterministic(seed: 9))
        let crypto = try #require(json["crypto"])
        let salt = try Hex.decode(crypto["kdfparams"]!["salt"]!.stringValue!)
        let derived = try PBKDF2.hmacSHA256(password: Array("pw".utf8), salt: salt, iterations: 3, keyByteCount: 32)
        let ciphertext = try Hex.decode(crypto["ciphertext"]!.stringValue!)
        #expect(Hex.encode(Keccak256.hash(derived[16..<32] + ciphertext), prefix: false) == crypto["mac"]?.stringValue)
        let iv = try Hex.decode(crypto["cipherparams"]!["iv"]!.stringValue!)
        #expect(try AES128CTR.apply(to: ciphertext, key: derived[0..<16], iv: iv) == Self.key)
    }

    @Test("A short IV (older eth-keyfile wrote it as an integer) is left-padded")
    func shortIV() throws {
        // Build a file whose IV starts with a zero byte, then drop that byte from the hex.
        var seed: UInt64 = 0
        var json: JSONValue
        repeat {
            seed += 1
            json = try Web3Keystore.encrypt(privateKey: Self.key, passphrase: "pw", address: Self.address,
                                            kdf: .pbkdf2(iterations: 1), random: .deterministic(seed: seed))
        } while !(json["crypto"]!["cipherparams"]!["iv"]!.stringValue!.hasPrefix("00"))
        guard case .object(var root) = json, case .object(var crypto) = root["crypto"]! else { return }
        crypto["cipherparams"] = ["iv": .string(String(json["crypto"]!["cipherparams"]!["iv"]!.stringValue!.dropFirst(2)))]
        root["crypto"] = .object(crypto)
        #expect(try Web3Keystore.decrypt(.object(root), passphrase: "pw") == Self.key)
    }

    /// Edits one field of a valid small keystore.
    static func mutated(_ edit: (inout JSONObject) -> Void) throws -> JSONValue {
        let json = try Web3Keystore.encrypt(privateKey: key, passphrase: "pw", address: address,
                                            kdf: .scrypt(n: 16, r: 1, p: 1), random: .deterministic(seed: 3))
        guard case .object(var root) = json, case .object(var crypto) = root["crypto"]! else { fatalError() }
        edit(&crypto)
        root["crypto"] = .object(crypto)
        return .object(root)
    }

    @Test("Tampering is a MAC mismatch, not a wrong key")
    func tampering() throws {
        let flipped = try Self.mutated { crypto in
            var text = Array(crypto["ciphertext"]!.stringValue!)
            text[0] = text[0] == "0" ? "1" : "0"
            crypto["ciphertext"] = .string(String(text))
        }
        #expect(throws: KeystoreError.macMismatch) { try Web3Keystore.decrypt(flipped, passphrase: "pw") }
        let badMAC = try Self.mutated { $0["mac"] = .string(String(repeating: "0", count: 64)) }
        #expect(throws: KeystoreError.macMismatch) { try Web3Keystore.decrypt(badMAC, passphrase: "pw") }
    }

    @Test("Malformed and unsupported files are refused before any KDF work", arguments: [
        ("cipher", KeystoreError.Kind.unsupported), ("kdf", .unsupported), ("prf", .malformed),
        ("hugeN", .unsupported), ("oddN", .malformed), ("badHex", .malformed), ("noMac", .malformed),
        ("shortCiphertext", .unsupported), ("dklen", .unsupported),
    ])
    func refusals(_ case: String, _ kind: KeystoreError.Kind) throws {
        let json = try Self.mutated { crypto in
            var params = crypto["kdfparams"]!.objectValue!
            switch `case` {
            case "cipher": crypto["cipher"] = "aes-256-gcm"
            case "kdf": crypto["kdf"] = "argon2id"
            case "prf": crypto["kdf"] = "pbkdf2"; params["c"] = 1 // no "prf" member at all
            case "hugeN": params["n"] = .integer(1 << 30)
            case "oddN": params["n"] = 1000
            case "badHex": crypto["ciphertext"] = "zz"
            case "noMac": crypto["mac"] = nil
            case "shortCiphertext": crypto["ciphertext"] = "00112233"
            case "dklen": params["dklen"] = 16
            default: break
            }
            crypto["kdfparams"] = .object(params)
        }
        #expect { try Web3Keystore.decrypt(json, passphrase: "pw") } throws: { error in
            (error as? KeystoreError)?.kind == kind
        }
    }

    @Test("Other versions, non-objects and bad JSON are refused")
    func wrongEnvelope() {
        #expect { try Web3Keystore.decrypt(["version": 4, "crypto": [:]], passphrase: "pw") } throws: {
            ($0 as? KeystoreError)?.kind == .unsupported
        }
        #expect { try Web3Keystore.decrypt([1, 2], passphrase: "pw") } throws: { ($0 as? KeystoreError)?.kind == .malformed }
        #expect { try Web3Keystore.decrypt(jsonText: "{", passphrase: "pw") } throws: {
            ($0 as? KeystoreError)?.kind == .malformed
        }
    }

    @Test("encrypt refuses bad keys, addresses and KDF parameters", arguments: [
        ([UInt8](repeating: 1, count: 31), address, KeystoreKDF.pbkdf2(iterations: 1)),
        (key, "0x1234", .pbkdf2(iterations: 1)),
        (key, "0xzz5F4552091A69125d5DfCb7b8C2659029395Bdf", .pbkdf2(iterations: 1)),
        (key, address, .pbkdf2(iterations: 0)),
        (key, address, .scrypt(n: 3, r: 1, p: 1)),
    ])
    func encryptRefuses(_ key: [UInt8], _ address: String, _ kdf: KeystoreKDF) {
        #expect { try Web3Keystore.encrypt(privateKey: key, passphrase: "pw", address: address, kdf: kdf) } throws: {
            ($0 as? KeystoreError)?.kind == .invalidArgument
        }
    }

    @Test("Addresses are written as geth does: lowercase, no 0x", arguments: [
        "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", "7e5f4552091a69125d5dfcb7b8c2659029395bdf",
        "0X7E5F4552091A69125D5DFCB7B8C2659029395BDF",
    ])
    func addressForms(_ address: String) throws {
        #expect(try Web3Keystore.normalizedAddress(address) == "7e5f4552091a69125d5dfcb7b8c2659029395bdf")
    }

    @Test("Standard KDF is scrypt N=2^18 r=8 p=1 and within the default limits")
    func defaults() {
        #expect(KeystoreKDF.standard == .scrypt(n: 262_144, r: 8, p: 1))
        #expect(128 * 8 * 262_144 <= KeystoreLimits.default.maxScryptMemory)
    }
}
