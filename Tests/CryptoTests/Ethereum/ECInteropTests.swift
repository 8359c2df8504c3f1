import Foundation
import JSON
import Testing
@testable import Crypto
import TakTestSupport

/// Runs `scripts/interop_secp256k1.py` under the interpreter named by TAK_INTEROP_PYTHON.
enum ECInterop {
    /// TAK_INTEROP_PYTHON when set to an executable file.
    static var python: String? {
        guard let path = ProcessInfo.processInfo.environment["TAK_INTEROP_PYTHON"], !path.isEmpty,
              FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return path
    }

    /// The script, in the repository's scripts/ folder.
    static let script = URL(fileURLWithPath: Repository.root).appendingPathComponent("scripts/interop_secp256k1.py")

    /// Sends `request` as JSON on standard input and parses standard output as JSON.
    static func run(_ request: JSONValue) throws -> JSONValue {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tak-ec-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("request.json")
        let output = folder.appendingPathComponent("answers.json")
        let errors = folder.appendingPathComponent("stderr.txt")
        try Data(request.serialized()).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [script.path]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw EIP712Error("interop", "script exited \(process.terminationStatus): \(stderr)")
        }
        return try JSONValue.parse(Array(try Data(contentsOf: output)))
    }
}

/// Our keys, signatures and EIP-712 hashes against eth_keys (pure Python), coincurve
/// (libsecp256k1) and eth-account on seeded random inputs.
@Suite("secp256k1 / EIP-712 interop with Python implementations", .enabled(if: ECInterop.python != nil))
struct ECInteropTests {
    @Test("64 keys, 16 personal messages, 150 random typed-data documents agree byte for byte")
    func agreeWithPython() throws {
        var rng = SplitMix64(seed: 0x1D_E0)
        var keys: [EthereumPrivateKey] = []
        while keys.count < 64 {
            if let key = try? EthereumPrivateKey(bytes: rng.bytes(32)) { keys.append(key) }
        }
        let digests = (0 ..< keys.count).map { _ in rng.bytes(32) }
        let messages = (0 ..< 16).map { i in rng.bytes(Int(rng.next() % 100) + (i == 0 ? 0 : 1)) }
        let request: JSONValue = [
            "keys": .array(keys.map { .string(Hex.encode($0.bytes)) }),
            "digests": .array(digests.map { .string(Hex.encode($0)) }),
            "messages": .array(messages.map { .string(Hex.encode($0)) }),
            "typed_seed": 20_241_123,
            "typed_count": 150,
        ]
        let answers = try ECInterop.run(request)

        let keyAnswers = try #require(answers["keys"]?.arrayValue)
        #expect(keyAnswers.count == keys.count)
        for (i, answer) in keyAnswers.enumerated() {
            let key = keys[i]
            #expect(Hex.encode(key.publicKey.uncompressed) == answer["public_key"]?.stringValue, "key #\(i)")
            #expect(Hex.encode(key.publicKey.compressed) == answer["compressed"]?.stringValue, "key #\(i)")
            #expect(key.address.checksummed == answer["address"]?.stringValue, "key #\(i)")
            let signature = try key.sign(digest: digests[i]).hex
            #expect(signature == answer["native_signature"]?.stringValue, "eth_keys, key #\(i)")
            #expect(signature == answer["coincurve_signature"]?.stringValue, "coincurve, key #\(i)")
        }

        let personal = try #require(answers["personal"]?.arrayValue)
        #expect(personal.count == messages.count)
        for (i, answer) in personal.enumerated() {
            #expect(Hex.encode(EIP191.personalMessageHash(messages[i])) == answer["hash"]?.stringValue, "message #\(i)")
            #expect(keys[i].signPersonalMessage(messages[i]).hex == answer["signature"]?.stringValue, "message #\(i)")
        }

        let typed = try #require(answers["typed"]?.arrayValue)
        #expect(typed.count == 150)
        for (i, answer) in typed.enumerated() {
            let document = try #require(answer["typed_data"])
            do {
                let data = try EIP712TypedData(json: document)
                #expect(Hex.encode(try data.domainSeparator()) == answer["domain_separator"]?.stringValue, "typed #\(i)")
                #expect(Hex.encode(try data.structHash()) == answer["struct_hash"]?.stringValue, "typed #\(i): \(document)")
                #expect(Hex.encode(try data.digest()) == answer["digest"]?.stringValue, "typed #\(i)")
                #expect(try keys[0].signTypedData(data).hex == answer["signature"]?.stringValue, "typed #\(i)")
            } catch {
                Issue.record("typed #\(i): \(error) in \(document)")
            }
        }
    }
}
