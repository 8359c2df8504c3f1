#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import TakTestSupport
@testable import Crypto

/// What the EC tests draw from the seeded generator, so "random" cases are reproducible.
extension SplitMix64 {
    /// `count` random bytes.
    mutating func bytes(_ count: Int) -> [UInt8] { (0 ..< count).map { _ in UInt8.random(in: 0 ... 255, using: &self) } }

    /// A random 256-bit value, sometimes biased toward edge limbs (all zeros / all ones).
    mutating func uint256() -> UInt256 {
        func limb(_ g: inout SplitMix64) -> UInt64 {
            switch g.next() % 8 {
            case 0: 0
            case 1: .max
            default: g.next()
            }
        }
        return UInt256(l0: limb(&self), l1: limb(&self), l2: limb(&self), l3: limb(&self))
    }
}

/// The vector file `../Vectors/crypto-x402.json`, found through `#filePath`, parsed once.
enum ECVectors {
    /// The parsed file.
    static let root: JSONValue = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let url = here.deletingLastPathComponent().appendingPathComponent("Vectors/crypto-x402.json")
        guard let data = try? Data(contentsOf: url), let value = try? JSONValue.parse(Array(data)) else {
            fatalError("cannot read test vectors at \(url.path)")
        }
        return value
    }()

    /// Bytes of a 0x-hex string (test input is trusted).
    static func hex(_ text: String) -> [UInt8] { try! Hex.decode(text) }

    /// The string member `key` of `row`.
    static func string(_ row: JSONValue, _ key: String) -> String { row[key]!.stringValue! }
}

/// The secp256k1 constants as reference integers.
enum ECRef {
    /// p.
    static let p = RefBigUInt(Secp256k1.p)
    /// n.
    static let n = RefBigUInt(Secp256k1.n)
}
