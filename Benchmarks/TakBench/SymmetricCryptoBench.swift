#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Tools
import Crypto

/// Throughput of the hand-written symmetric primitives: SHA-256 and Keccak-256 bulk MB/s
/// (64 MiB fed in 1 MiB chunks), 32-byte messages per second, HMAC-SHA256 ops/s, AES-128-CTR
/// MB/s and one scrypt N=2^14 derivation in milliseconds.
///
/// `report(name, value, unit)` receives each figure; a consumed checksum keeps the optimizer
/// from deleting the work.
func runSymmetricCryptoBenchmarks(report: (String, Double, String) -> Void) {
    let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 20) { buffer, count in
        for index in 0..<buffer.count { buffer[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 &>> 13) }
        count = buffer.count
    }
    var sink: UInt8 = 0

    /// Reports bulk throughput of `H` over 64 MiB (best of three runs, as the host is shared).
    func bulk<H: HashFunction>(_: H.Type, _ name: String) {
        _ = H.hash(chunk) // warm up
        var best = Double.infinity
        for _ in 0..<3 {
            let start = BenchClock.now()
            var hasher = H()
            for _ in 0..<64 { hasher.update(bytes: chunk) }
            sink ^= hasher.finalize()[0]
            best = min(best, BenchClock.seconds(since: start))
        }
        report("\(name) 64 MiB in 1 MiB chunks", 64.0 * 1.048576 / best, "MB/s")
    }

    /// Reports how many 32-byte messages `H` hashes per second, one-shot.
    func small<H: HashFunction>(_: H.Type, _ name: String) {
        var message = [UInt8](repeating: 7, count: 32)
        let count = 200_000
        let start = BenchClock.now()
        for _ in 0..<count {
            let digest = H.hash(message)
            message[0] = digest[0]
        }
        sink ^= message[0]
        report("\(name) 32-byte messages", Double(count) / BenchClock.seconds(since: start), "hashes/s")
    }

    bulk(SHA256.self, "SHA-256")
    bulk(Keccak256.self, "Keccak-256")
    small(SHA256.self, "SHA-256")
    small(Keccak256.self, "Keccak-256")

    let key = [UInt8](repeating: 0x0b, count: 32)
    var message = [UInt8](repeating: 1, count: 32)
    let hmacCount = 200_000
    let start = BenchClock.now()
    for _ in 0..<hmacCount {
        let code = HMAC<SHA256>.authenticationCode(for: message, using: key)
        message[0] = code[0]
    }
    sink ^= message[0]
    report("HMAC-SHA256 32-byte key and message", Double(hmacCount) / BenchClock.seconds(since: start), "ops/s")

    // AES-128-CTR over 4 MiB (bitsliced, constant-time S-box).
    let aesKey = [UInt8](repeating: 0x2b, count: 16), iv = [UInt8](repeating: 0xf0, count: 16)
    let plaintext = Array(chunk) + Array(chunk) + Array(chunk) + Array(chunk)
    let aesStart = BenchClock.now()
    if let ciphertext = try? AES128CTR.apply(to: plaintext, key: aesKey, iv: iv) { sink ^= ciphertext[1] }
    report("AES-128-CTR 4 MiB", 4 * 1.048576 / BenchClock.seconds(since: aesStart), "MB/s")

    // scrypt at N=2^14, r=8, p=1 (16 MiB); the keystore default N=2^18 costs about 16 times this.
    let scryptStart = BenchClock.now()
    if let key = try? Scrypt.derive(password: Array("pw".utf8), salt: [1, 2, 3], n: 1 << 14, r: 8, p: 1,
                                    keyByteCount: 32) { sink ^= key[0] }
    report("scrypt N=2^14 r=8 p=1", BenchClock.seconds(since: scryptStart) * 1000, "ms")

    if sink == 0x5a { report("checksum", Double(sink), "") }
}
