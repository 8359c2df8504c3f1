import Testing
@testable import Crypto

/// Incremental hashing equals one-shot hashing for every split point, around block boundaries.
@Suite("Incremental hashing")
struct IncrementalHashTests {
    /// Lengths around the SHA-256 (64) and Keccak-256 (136) block and padding boundaries.
    static let lengths = [0, 1, 55, 56, 63, 64, 65, 135, 136, 137, 1000]

    /// A message of `length` bytes that is not all one value.
    static func message(_ length: Int) -> [UInt8] {
        (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
    }

    /// Checks every single split point and every three-way split at a coarse stride.
    func checkSplits<H: HashFunction>(_: H.Type, length: Int) {
        let data = Self.message(length)
        let whole = H.hash(data)
        for split in 0...length {
            var hasher = H()
            hasher.update(bytes: data[0..<split])
            hasher.update(bytes: data[split...])
            #expect(hasher.finalize() == whole, "split at \(split) of \(length)")
        }
        for first in stride(from: 0, through: length, by: max(1, length / 17)) {
            for second in stride(from: first, through: length, by: max(1, length / 13)) {
                var hasher = H()
                hasher.update(bytes: data[0..<first])
                hasher.update(bytes: data[first..<second])
                hasher.update(bytes: data[second...])
                #expect(hasher.finalize() == whole, "splits \(first), \(second) of \(length)")
            }
        }
        // finalize does not consume: the hasher can go on.
        var hasher = H()
        hasher.update(bytes: data)
        _ = hasher.finalize()
        hasher.update(bytes: [0x42])
        #expect(hasher.finalize() == H.hash(data + [0x42]))
    }

    @Test("SHA-256 split points", arguments: lengths)
    func sha256(_ length: Int) { checkSplits(SHA256.self, length: length) }

    @Test("Keccak-256 split points", arguments: lengths)
    func keccak256(_ length: Int) { checkSplits(Keccak256.self, length: length) }

    @Test("HMAC-SHA256 split points", arguments: lengths)
    func hmac(_ length: Int) {
        let data = Self.message(length)
        let key = Array("key".utf8)
        let whole = HMAC<SHA256>.authenticationCode(for: data, using: key)
        for split in 0...length {
            var mac = HMAC<SHA256>(key: key)
            mac.update(bytes: data[0..<split])
            mac.update(bytes: data[split...])
            #expect(mac.finalize() == whole)
        }
    }

    @Test("Non-contiguous collections hash like arrays")
    func nonContiguous() {
        let data = Self.message(300)
        #expect(SHA256.hash(data.reversed().reversed()) == SHA256.hash(data))
        #expect(Keccak256.hash(data.lazy.map { $0 }) == Keccak256.hash(data))
    }
}
