import Foundation
import JSON
import Testing
@testable import Crypto

/// Cross-checks against independent implementations (eth-account, pycryptodome, hashlib) through
/// the Python scripts in scripts/. Enabled only when TAK_INTEROP_PYTHON names the venv's python
/// (scripts/make-venv builds it).
@Suite("Interop with eth-account and pycryptodome",
       .enabled(if: CryptoTestEnvironment.interopPython != nil,
                "set TAK_INTEROP_PYTHON to the python of the venv made by scripts/make-venv"))
struct InteropTests {
    @Test("Keystores we write open in eth-account; eth-account's open here")
    func keystores() throws {
        // Ours → eth-account.
        let ours = try InteropPython.temporaryFolder("swift")
        defer { try? FileManager.default.removeItem(at: ours) }
        let random = RandomBytes.deterministic(seed: 2026)
        var manifest = JSONObject()
        let cases: [(String, KeystoreKDF, String)] = [
            ("swift-scrypt-n1024.json", .scrypt(n: 1024, r: 8, p: 1), "correct horse battery staple"),
            ("swift-scrypt-n16-p3.json", .scrypt(n: 16, r: 1, p: 3), "pässwörd ⚡"),
            ("swift-pbkdf2-c1000.json", .pbkdf2(iterations: 1000), "hunter2"),
            ("swift-pbkdf2-c1.json", .pbkdf2(iterations: 1), ""),
        ]
        for (name, kdf, passphrase) in cases {
            let key = try random.bytes(32)
            let json = try Web3Keystore.encrypt(privateKey: key, passphrase: passphrase,
                                                address: "0x" + String(repeating: "ab", count: 20), kdf: kdf, random: random)
            try Data(json.serialized()).write(to: ours.appendingPathComponent(name))
            manifest[name] = ["key": .string(Hex.encode(key, prefix: false)), "passphrase": .string(passphrase)]
        }
        try Data(JSONValue.object(manifest).serialized()).write(to: ours.appendingPathComponent("manifest.json"))
        let checked = try InteropPython.run("interop_keystore.py", ["check", ours.path])
        #expect(checked.status == 0, "\(checked.stdout) \(checked.stderr)")
        #expect(checked.json?["ok"] == true)
        #expect(checked.json?["checked"]?.objectValue?.count == cases.count)

        // eth-account → ours.
        let theirs = try InteropPython.temporaryFolder("python")
        defer { try? FileManager.default.removeItem(at: theirs) }
        let made = try InteropPython.run("interop_keystore.py", ["make", theirs.path])
        #expect(made.status == 0, "\(made.stderr)")
        let list = try JSONValue.parse(Array(Data(contentsOf: theirs.appendingPathComponent("manifest.json"))))
        let entries = try #require(list.objectValue)
        #expect(entries.count == 4)
        for (name, entry) in entries {
            let text = try String(contentsOf: theirs.appendingPathComponent(name), encoding: .utf8)
            let passphrase = try #require(entry["passphrase"]?.stringValue)
            let key = try Web3Keystore.decrypt(jsonText: text, passphrase: passphrase)
            #expect(Hex.encode(key, prefix: false) == entry["key"]?.stringValue, "\(name)")
            #expect(throws: KeystoreError.macMismatch) { try Web3Keystore.decrypt(jsonText: text, passphrase: passphrase + "x") }
        }
    }

    @Test("Primitives equal hashlib / pycryptodome on seeded random inputs", arguments: [1, 402])
    func primitives(_ seed: Int) throws {
        let run = try InteropPython.run("interop_primitives.py", [String(seed)])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(run.json)
        func rows(_ key: String) -> [JSONValue] { json[key]?.arrayValue ?? [] }
        func bytes(_ row: JSONValue, _ key: String) throws -> [UInt8] { try Hex.decode(row[key]?.stringValue ?? "?") }
        func int(_ row: JSONValue, _ key: String) -> Int { Int(row[key]?.integerValue ?? -1) }
        var compared = 0
        for row in rows("sha256") {
            #expect(try SHA256.hash(bytes(row, "input")) == bytes(row, "digest")); compared += 1
        }
        for row in rows("keccak256") {
            #expect(try Keccak256.hash(bytes(row, "input")) == bytes(row, "digest")); compared += 1
        }
        for row in rows("hmac_sha256") {
            #expect(try HMAC<SHA256>.authenticationCode(for: bytes(row, "message"), using: bytes(row, "key"))
                    == bytes(row, "mac")); compared += 1
        }
        for row in rows("pbkdf2_sha256") {
            #expect(try PBKDF2.hmacSHA256(password: bytes(row, "password"), salt: bytes(row, "salt"),
                                          iterations: int(row, "iterations"), keyByteCount: int(row, "dklen"))
                    == bytes(row, "key")); compared += 1
        }
        for row in rows("scrypt") {
            #expect(try Scrypt.derive(password: bytes(row, "password"), salt: bytes(row, "salt"), n: int(row, "n"),
                                      r: int(row, "r"), p: int(row, "p"), keyByteCount: int(row, "dklen"))
                    == bytes(row, "key")); compared += 1
        }
        for row in rows("aes128_ctr") {
            #expect(try AES128CTR.apply(to: bytes(row, "plaintext"), key: bytes(row, "key"), iv: bytes(row, "iv"))
                    == bytes(row, "ciphertext")); compared += 1
        }
        #expect(compared == 30 + 30 + 9 + 6 + 6 + 10)
    }
}
