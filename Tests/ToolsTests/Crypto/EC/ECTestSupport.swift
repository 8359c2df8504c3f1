#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Store
@testable import Tools

/// SplitMix64: a tiny seeded generator so "random" EC tests are reproducible.
struct ECTestRNG: RandomNumberGenerator {
    /// The state.
    var state: UInt64

    /// A generator started from `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` random bytes.
    mutating func bytes(_ count: Int) -> [UInt8] { (0 ..< count).map { _ in UInt8.random(in: 0 ... 255, using: &self) } }

    /// A random 256-bit value, sometimes biased toward edge limbs (all zeros / all ones).
    mutating func uint256() -> UInt256 {
        func limb(_ g: inout ECTestRNG) -> UInt64 {
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
