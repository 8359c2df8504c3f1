#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TakTestSupport
import Tools
import Crypto

/// Throughput of the secp256k1 / Ethereum code in operations per second: key generation with
/// address derivation, RFC 6979 signing, verification and public-key recovery.
///
/// `report(name, value, unit)` receives each figure. Inputs are fixed pseudo-random keys and
/// digests, so runs are comparable; a consumed checksum keeps the optimizer from deleting work.
func runECBenchmarks(report: (String, Double, String) -> Void) {
    let count = 2_000
    var generator = SplitMix64(seed: 0x1234_5678_9ABC_DEF0)
    /// 32 pseudo-random bytes.
    func randomBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for _ in 0 ..< 4 {
            let z = generator.next()
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: z >> UInt64(shift))) }
        }
        return out
    }
    let keyBytes = (0 ..< count).map { _ in randomBytes() }
    let digests = (0 ..< count).map { _ in randomBytes() }
    var sink: UInt8 = 0

    // Warm up: builds the generator tables once.
    let warmKey = try! EthereumPrivateKey(bytes: keyBytes[0])
    sink ^= (try! warmKey.sign(digest: digests[0])).v

    var keys: [EthereumPrivateKey] = []
    keys.reserveCapacity(count)
    report("secp256k1 keygen+address", bestRate(count) { range in
        for i in range {
            let key = try! EthereumPrivateKey(bytes: keyBytes[i])
            sink ^= key.address.bytes[0]
            if keys.count < count { keys.append(key) }
        }
    }, "ops/s")

    var signatures = [EthereumSignature](repeating: EthereumSignature(r: .zero, s: .zero, v: 0), count: count)
    report("secp256k1 sign (RFC 6979)", bestRate(count) { range in
        for i in range { signatures[i] = try! keys[i].sign(digest: digests[i]) }
    }, "ops/s")

    let publicKeys = keys.map(\.publicKey)
    var valid = 0
    report("secp256k1 verifyVartime", bestRate(count) { range in
        for i in range where publicKeys[i].verifyVartime(digest: digests[i], signature: signatures[i]) { valid += 1 }
    }, "ops/s")

    report("secp256k1 recoverPublicKeyVartime", bestRate(count) { range in
        for i in range {
            let recovered = try! EthereumPublicKey.recoverPublicKeyVartime(digest: digests[i], signature: signatures[i])
            sink ^= recovered.compressed[1]
        }
    }, "ops/s")
    precondition(valid == count, "benchmark signatures failed to verify")
    if sink == 0x5A { print("") }
}

/// How many rounds each figure is measured over; the best round is reported, because the
/// machine is shared and a slow round measures the neighbours, not the code.
private let ecBenchRounds = 5

/// The best ops/s over `ecBenchRounds` rounds, each running `body` on a slice of `0 ..< count`.
private func bestRate(_ count: Int, _ body: (Range<Int>) -> Void) -> Double {
    var best = 0.0
    let slice = count / ecBenchRounds
    for round in 0 ..< ecBenchRounds {
        let range = round * slice ..< (round + 1) * slice
        let start = BenchClock.now()
        body(range)
        best = max(best, Double(slice) / BenchClock.seconds(since: start))
    }
    return best
}
