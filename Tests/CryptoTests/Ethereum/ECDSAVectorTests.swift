import JSON
import Testing
@testable import Crypto

/// RFC 6979 ECDSA with low s and recovery ids against `ecdsa_secp256k1_rfc6979`.
@Suite("ECDSA RFC 6979 vectors")
struct ECDSAVectorTests {
    /// One row of `known_answer` or `matrix`.
    struct Row: Sendable, CustomTestStringConvertible {
        /// The vector's JSON.
        let row: JSONValue
        /// The label Swift Testing shows.
        var testDescription: String { ECVectors.string(row, "label") }
    }

    /// All 96 rows.
    static let rows: [Row] = {
        let section = ECVectors.root["ecdsa_secp256k1_rfc6979"]!
        return ((section["known_answer"]?.arrayValue ?? []) + (section["matrix"]?.arrayValue ?? [])).map(Row.init)
    }()

    @Test("the section has 5 known answers and 91 matrix rows")
    func counts() { #expect(Self.rows.count == 96) }

    @Test("nonce k, r, s, v, 65-byte signature; verify and recover; high-s twin refused", arguments: rows)
    func vector(_ vector: Row) throws {
        let row = vector.row
        let key = try EthereumPrivateKey(hex: ECVectors.string(row, "private_key"))
        let digest = ECVectors.hex(ECVectors.string(row, "digest"))
        if let message = row["message_utf8"]?.stringValue {
            #expect(SHA256.hash(Array(message.utf8)) == digest)
        }
        var nonces = Secp256k1.RFC6979Nonces(privateKey: key.scalar, digest: digest)
        #expect(Hex.encode(nonces.next().bytes) == ECVectors.string(row, "rfc6979_k"))

        let signature = try key.sign(digest: digest)
        #expect(signature.r.hexString == ECVectors.string(row, "r"))
        #expect(signature.s.hexString == ECVectors.string(row, "s"))
        #expect(Int(signature.v) == Int(row["v"]!.integerValue!))
        #expect(Int(signature.v) - 27 == Int(row["recovery_id"]!.integerValue!))
        #expect(signature.hex == ECVectors.string(row, "signature_rsv_65"))

        let publicKey = key.publicKey
        #expect(publicKey.verifyVartime(digest: digest, signature: signature))
        #expect(try EthereumPublicKey.recoverPublicKeyVartime(digest: digest, signature: signature) == publicKey)

        // The high-s twin (s' = n − s, v flipped) is the same ECDSA signature mathematically:
        // refused under the USDC / EIP-2 rules, accepted only when high s is explicitly allowed.
        let twin = try EthereumSignature(hex: ECVectors.string(row, "high_s_variant_must_reject"))
        #expect(twin.r == signature.r)
        #expect(!publicKey.verifyVartime(digest: digest, signature: twin))
        #expect(throws: EthereumCryptoError.self) { try EthereumPublicKey.recoverPublicKeyVartime(digest: digest, signature: twin) }
        #expect(!EthereumPublicKey.isValidSignatureVartime(digest: digest, signature: twin, signer: key.address))
        #expect(publicKey.verifyVartime(digest: digest, signature: twin, rejectHighS: false))
        #expect(try EthereumPublicKey.recoverPublicKeyVartime(digest: digest, signature: twin, allowHighS: true) == publicKey)

        // v given as 0/1 is refused.
        var zeroBased = signature
        zeroBased.v -= 27
        #expect(throws: EthereumCryptoError.self) { try EthereumPublicKey.recoverPublicKeyVartime(digest: digest, signature: zeroBased) }
    }

    @Test("out-of-range r and s, and wrong digests, are refused")
    func rangeChecks() throws {
        let key = try EthereumPrivateKey(hex: "0x" + String(repeating: "42", count: 32))
        let digest = SHA256.hash(Array("range".utf8))
        let good = try key.sign(digest: digest)
        let n = Secp256k1.n
        for (r, s) in [(UInt256.zero, good.s), (good.r, .zero), (n, good.s), (good.r, n), (.max, good.s)] {
            let bad = EthereumSignature(r: r, s: s, v: good.v)
            #expect(!key.publicKey.verifyVartime(digest: digest, signature: bad, rejectHighS: false))
            #expect(throws: EthereumCryptoError.self) {
                try EthereumPublicKey.recoverPublicKeyVartime(digest: digest, signature: bad, allowHighS: true)
            }
        }
        // r + n as the nonce's x: accepted by the same value r, so adding n must not verify.
        let shifted = EthereumSignature(r: good.r.addingWithCarry(n).sum, s: good.s, v: good.v)
        #expect(!key.publicKey.verifyVartime(digest: digest, signature: shifted))
        #expect(throws: EthereumCryptoError.self) { try key.sign(digest: [1, 2, 3]) }
        #expect(!key.publicKey.verifyVartime(digest: digest.dropLast(), signature: good))
        var other = digest
        other[0] ^= 1
        #expect(!key.publicKey.verifyVartime(digest: other, signature: good))
        #expect(throws: EthereumCryptoError.self) { try EthereumSignature(bytes: [UInt8](repeating: 0, count: 64)) }
    }
}
