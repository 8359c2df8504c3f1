import Testing
@testable import Crypto
import TakTestSupport

/// Seeded random keys and digests: sign → verify → recover, and tampering is caught.
@Suite("ECDSA random round trips")
struct RandomRoundTripTests {
    @Test("200 seeded keys: signature is low-s, verifies, recovers, and fails when tampered")
    func roundTrips() throws {
        var rng = SplitMix64(seed: 2024)
        for i in 0 ..< 200 {
            guard let key = try? EthereumPrivateKey(bytes: rng.bytes(32)) else { continue }
            let digest = rng.bytes(32)
            let signature = try key.sign(digest: digest)
            #expect(!Secp256k1.Scalar(reduced: signature.s).isHighVartime)
            #expect(signature.v == 27 || signature.v == 28)
            let publicKey = key.publicKey
            #expect(publicKey.verifyVartime(digest: digest, signature: signature), "key #\(i)")
            let recovered = try EthereumPublicKey.recoverPublicKeyVartime(digest: digest, signature: signature)
            #expect(recovered == publicKey, "key #\(i)")
            #expect(recovered.address == key.address)
            // Deterministic: signing again gives the same bytes.
            #expect(try key.sign(digest: digest) == signature)
            // A flipped digest bit or a wrong v no longer yields this key.
            var tampered = digest
            tampered[i % 32] ^= 1 << UInt8(i % 8)
            #expect(!publicKey.verifyVartime(digest: tampered, signature: signature))
            #expect((try? EthereumPublicKey.recoverPublicKeyVartime(digest: tampered, signature: signature)) != publicKey)
            var flipped = signature
            flipped.v = signature.v == 27 ? 28 : 27
            #expect((try? EthereumPublicKey.recoverPublicKeyVartime(digest: digest, signature: flipped)) != publicKey)
        }
    }

    @Test("recovery ids 2 and 3 (R.x ≥ n) are handled by the explicit-id recovery")
    func highRecoveryIDs() throws {
        // With r = 1 and recovery id 2, the nonce point would have x = n + 1 < p: that x has a
        // curve point or not; either way the function must answer without trapping.
        let digest = [UInt8](repeating: 7, count: 32)
        for id: UInt8 in 0 ... 3 {
            _ = try? EthereumPublicKey.recoverPublicKeyVartime(digest: digest, r: .one, s: .one, recoveryID: id)
        }
        // r ≥ p − n makes x = r + n ≥ p: ids 2/3 are then impossible.
        let big = Secp256k1.n.subtractingWithBorrow(.one).difference
        #expect(throws: EthereumCryptoError.self) {
            try EthereumPublicKey.recoverPublicKeyVartime(digest: digest, r: big, s: .one, recoveryID: 2, allowHighS: true)
        }
        #expect(throws: EthereumCryptoError.self) {
            try EthereumPublicKey.recoverPublicKeyVartime(digest: digest, r: .one, s: .one, recoveryID: 4)
        }
    }

    @Test("EIP-191 personal_sign of 'hello' by keccak256('cow') matches eth-account")
    func personalSign() throws {
        let key = try EthereumPrivateKey(bytes: Keccak256.hash(Array("cow".utf8)))
        let hash = EIP191.personalMessageHash(Array("hello".utf8))
        #expect(Hex.encode(hash) == "0x50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750")
        let signature = key.signPersonalMessage(Array("hello".utf8))
        #expect(signature.hex
            == "0x2452a50a1b27db559e685e82ef59445ff08ca6843b5089aa1c32a70db206d47d693e5ae94daffccbbf590c5d2a72ad5706994748d2c8d3a8b39355589e16e8751c")
    }
}
