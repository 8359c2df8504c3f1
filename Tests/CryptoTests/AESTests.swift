import Testing
@testable import Crypto

/// AES-128 and CTR mode against FIPS-197 and NIST SP 800-38A, and the bitsliced S-box against
/// a slow reference built from its definition.
@Suite("AES-128")
struct AESTests {
    /// Multiplication in GF(2^8) the slow, obvious way (test reference only).
    static func gfMultiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var (a, b, product) = (a, b, UInt8(0))
        for _ in 0..<8 {
            if b & 1 == 1 { product ^= a }
            a = (a << 1) ^ (a & 0x80 != 0 ? 0x1b : 0)
            b >>= 1
        }
        return product
    }

    /// The S-box from FIPS 197 §5.1.1: brute-force inverse, then the affine map.
    static func referenceSBox(_ x: UInt8) -> UInt8 {
        let inverse = x == 0 ? 0 : (1...255).map(UInt8.init).first { gfMultiply(x, $0) == 1 }!
        var s = inverse
        for shift in 1...4 { s ^= (inverse << shift) | (inverse >> (8 - shift)) }
        return s ^ 0x63
    }

    @Test("Bitsliced S-box equals the FIPS 197 definition for all 256 inputs, in every lane")
    func sBox() {
        let reference = (0...255).map { Self.referenceSBox(UInt8($0)) }
        #expect(reference[0x00] == 0x63 && reference[0x53] == 0xed && reference[0xff] == 0x16)
        for chunk in 0..<4 {
            var bytes = (0..<64).map { UInt8(chunk * 64 + $0) }
            bytes.withUnsafeMutableBytes { raw in
                let w = (0..<8).map { raw.load(fromByteOffset: 8 * $0, as: UInt64.self) }
                let out = BitslicedBytes.subBytes((w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]))
                for (i, word) in [out.0, out.1, out.2, out.3, out.4, out.5, out.6, out.7].enumerated() {
                    raw.storeBytes(of: word, toByteOffset: 8 * i, as: UInt64.self)
                }
            }
            #expect(bytes == (0..<64).map { reference[chunk * 64 + $0] })
        }
    }

    @Test("Bit-plane transposition round-trips")
    func transposeRoundTrip() {
        let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
            0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210, 1, 0x8000_0000_0000_0000, 0xdead_beef, 0, ~0, 0x5555_aaaa_3333_cccc
        )
        let planes = BitslicedBytes(words: words)
        let back = planes.words
        #expect([back.0, back.1, back.2, back.3, back.4, back.5, back.6, back.7]
                == [words.0, words.1, words.2, words.3, words.4, words.5, words.6, words.7])
        // Plane k, bit i is bit k of byte i: byte 0 of word 0 is 0xef = 0b11101111.
        #expect(planes.p4 & 1 == 0 && planes.p0 & 1 == 1 && planes.p7 & 1 == 1)
    }

    @Test("FIPS-197 block vectors (Appendix B and C.1)", arguments: [
        ("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734", "3925841d02dc09fbdc118597196a0b32"),
        ("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a"),
    ])
    func fips197(_ key: String, _ plaintext: String, _ ciphertext: String) throws {
        let aes = try AES128(key: symmetricTestBytes(key))
        #expect(try aes.encryptBlock(symmetricTestBytes(plaintext)) == symmetricTestBytes(ciphertext))
    }

    @Test("FIPS-197 Appendix A.1 key expansion: first and last round keys")
    func keyExpansion() throws {
        let aes = try AES128(key: symmetricTestBytes("2b7e151628aed2a6abf7158809cf4f3c"))
        func column(_ i: Int) -> String {
            let w = aes.roundKeys[i]
            return Hex.encode((0..<4).map { UInt8(truncatingIfNeeded: w >> (8 * $0)) }, prefix: false)
        }
        #expect((4..<8).map(column) == ["a0fafe17", "88542cb1", "23a33939", "2a6c7605"])
        #expect((40..<44).map(column) == ["d014f9a8", "c9ee2589", "e13f0cc8", "b6630ca6"])
    }

    @Test("NIST SP 800-38A F.5.1 CTR-AES128.Encrypt (and F.5.2 decrypt)")
    func sp80038aCTR() throws {
        let key = symmetricTestBytes("2b7e151628aed2a6abf7158809cf4f3c")
        let iv = symmetricTestBytes("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
        let plaintext = symmetricTestBytes("""
            6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
            30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710
            """)
        let ciphertext = symmetricTestBytes("""
            874d6191b620e3261bef6864990db6ce 9806f66b7970fdff8617187bb9fffdff
            5ae4df3edbd5d35e5b4f09020db03eab 1e031dda2fbe03d1792170a0f3009cee
            """)
        #expect(try AES128CTR.apply(to: plaintext, key: key, iv: iv) == ciphertext)
        #expect(try AES128CTR.apply(to: ciphertext, key: key, iv: iv) == plaintext)
        // Every prefix length, including ones that end mid-block, is a prefix of the stream.
        for length in [0, 1, 15, 16, 17, 33, 63] {
            #expect(try AES128CTR.apply(to: plaintext[0..<length], key: key, iv: iv) == Array(ciphertext[0..<length]))
        }
    }

    @Test("CTR runs past four blocks and wraps the 128-bit counter")
    func counterWrap() throws {
        let key = symmetricTestBytes("000102030405060708090a0b0c0d0e0f")
        let aes = try AES128(key: key)
        let iv = [UInt8](repeating: 0xff, count: 15) + [0xfe]
        let stream = try AES128CTR.apply(to: [UInt8](repeating: 0, count: 16 * 6), key: key, iv: iv)
        var counter = iv
        for block in 0..<6 {
            #expect(Array(stream[(16 * block)..<(16 * block + 16)]) == (try aes.encryptBlock(counter)), "block \(block)")
            AES128CTR.increment(&counter)
        }
        var wrapped = [UInt8](repeating: 0xff, count: 16)
        AES128CTR.increment(&wrapped)
        #expect(wrapped == [UInt8](repeating: 0, count: 16))
    }

    @Test("Wrong key, block and IV lengths are refused")
    func lengths() throws {
        #expect(throws: AESError.invalidKeyLength(15)) { try AES128(key: [UInt8](repeating: 0, count: 15)) }
        #expect(throws: AESError.invalidBlockLength(17)) {
            try AES128(key: [UInt8](repeating: 0, count: 16)).encryptBlock([UInt8](repeating: 0, count: 17))
        }
        #expect(throws: AESError.invalidIVLength(8)) {
            try AES128CTR.apply(to: [1], key: [UInt8](repeating: 0, count: 16), iv: [UInt8](repeating: 0, count: 8))
        }
    }
}
