#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Testing
@testable import Crypto

/// The shared known-answer file `Vectors/crypto-x402.json`, found beside this source file
/// through `#filePath` (no SwiftPM resources), parsed once.
enum CryptoVectors {
    /// The parsed vector file.
    static let root: JSONValue = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let url = here.appendingPathComponent("Vectors/crypto-x402.json")
        guard let data = try? Data(contentsOf: url), let value = try? JSONValue.parse(Array(data)) else {
            fatalError("cannot read test vectors at \(url.path)")
        }
        return value
    }()

    /// The bytes an `input` object describes, per the file's "conventions": kind utf8, hex,
    /// repeat (byte x count) or counter (byte i % 256 for i < count).
    static func bytes(_ input: JSONValue) -> [UInt8] {
        switch input["kind"]?.stringValue {
        case "utf8": Array((input["utf8"]?.stringValue ?? "").utf8)
        case "hex": try! Hex.decode(input["hex"]?.stringValue ?? "")
        case "repeat":
            [UInt8](repeating: try! Hex.decode(input["byte"]!.stringValue!)[0],
                    count: Int(input["count"]!.integerValue!))
        case "counter": (0..<Int(input["count"]!.integerValue!)).map { UInt8(truncatingIfNeeded: $0) }
        default: fatalError("unknown input kind in \(input.jsonText)")
        }
    }

    /// One row of the "hashes" section: the input, its expected digest, and for Keccak the
    /// SHA3-256 digest that must NOT come out.
    struct HashCase: Sendable, CustomTestStringConvertible {
        /// The message.
        let input: [UInt8]
        /// The expected digest, 0x-hex.
        let expected: String
        /// The FIPS 202 SHA3-256 digest carried as a wrong answer (Keccak rows only).
        let wrong: String?
        /// A short label for test output.
        let label: String
        /// The label Swift Testing shows.
        var testDescription: String { label }
    }

    /// The rows of `hashes[section]`, with `key` naming the digest field.
    static func hashCases(_ section: String) -> [HashCase] {
        (root["hashes"]?[section]?.arrayValue ?? []).map { row in
            let input = row["input"]!
            let label = "\(input["kind"]!.stringValue!) \(input["length"]!.integerValue!)B"
            return HashCase(input: bytes(input), expected: row[section]!.stringValue!,
                            wrong: row["NOT_sha3_256"]?.stringValue, label: label)
        }
    }

    /// One row of the "hmac_sha256" section.
    struct HMACCase: Sendable, CustomTestStringConvertible {
        /// The vector's name, e.g. "rfc4231-1".
        let name: String
        /// The key bytes.
        let key: [UInt8]
        /// The message bytes.
        let message: [UInt8]
        /// The expected MAC, 0x-hex.
        let expected: String
        /// The label Swift Testing shows.
        var testDescription: String { name }
    }

    /// The rows of "hmac_sha256".
    static var hmacCases: [HMACCase] {
        (root["hmac_sha256"]?.arrayValue ?? []).map { row in
            HMACCase(name: row["name"]!.stringValue!, key: bytes(row["key"]!), message: bytes(row["message"]!),
                     expected: row["hmac_sha256"]!.stringValue!)
        }
    }
}
