import Testing
@testable import Crypto

/// SHA-256, Keccak-256 and HMAC-SHA256 against the shared vector file and published answers.
@Suite("Hash known answers")
struct HashVectorTests {
    @Test("SHA-256 vectors from crypto-x402.json", arguments: CryptoVectors.hashCases("sha256"))
    func sha256FileVectors(_ row: CryptoVectors.HashCase) {
        #expect(Hex.encode(SHA256.hash(row.input)) == row.expected)
    }

    @Test("Keccak-256 vectors from crypto-x402.json, never the SHA3-256 value",
          arguments: CryptoVectors.hashCases("keccak256"))
    func keccakFileVectors(_ row: CryptoVectors.HashCase) {
        let digest = Hex.encode(Keccak256.hash(row.input))
        #expect(digest == row.expected)
        #expect(digest != row.wrong)
        // Same permutation, other padding: our internal SHA3-256 gives exactly the wrong answer.
        #expect(Hex.encode(SHA3_256.hash(row.input)) == row.wrong)
    }

    @Test("HMAC-SHA256 vectors from crypto-x402.json (RFC 4231 and edge keys)",
          arguments: CryptoVectors.hmacCases)
    func hmacFileVectors(_ row: CryptoVectors.HMACCase) {
        #expect(Hex.encode(HMAC<SHA256>.authenticationCode(for: row.message, using: row.key)) == row.expected)
        #expect(HMAC<SHA256>.isValidAuthenticationCode(try! Hex.decode(row.expected),
                                                       authenticating: row.message, using: row.key))
    }

    /// FIPS 180-2 / NIST CSHS examples typed in.
    @Test("SHA-256 published examples", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func sha256Published(_ message: String, _ digest: String) {
        #expect(Hex.encode(SHA256.hash(Array(message.utf8)), prefix: false) == digest)
    }

    /// Keccak team / Ethereum known answers typed in.
    @Test("Keccak-256 published examples", arguments: [
        ("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        ("The quick brown fox jumps over the lazy dog",
         "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15"),
        ("transfer(address,uint256)", "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b"),
    ])
    func keccakPublished(_ message: String, _ digest: String) {
        #expect(Hex.encode(Keccak256.hash(Array(message.utf8)), prefix: false) == digest)
    }

    @Test("SHA-256 of one million 'a' fed in uneven chunks")
    func sha256MillionChunks() {
        let data = [UInt8](repeating: 0x61, count: 1_000_000)
        var hasher = SHA256()
        var offset = 0
        var step = 1
        while offset < data.count {
            let end = min(offset + step, data.count)
            hasher.update(bytes: data[offset..<end])
            offset = end
            step = step * 3 % 1001 + 1
        }
        #expect(Hex.encode(hasher.finalize(), prefix: false)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
