import Testing
@testable import Crypto

/// Decodes hex written in a test table (spaces allowed).
func symmetricTestBytes(_ text: String) -> [UInt8] {
    try! Hex.decode(text.filter { !$0.isWhitespace })
}

/// PBKDF2-HMAC-SHA256 and scrypt against RFC 7914 and the RFC 6070-style SHA-256 vectors.
@Suite("Key derivation")
struct KDFTests {
    /// (password, salt, iterations, expected key) — RFC 7914 §11 and the RFC 6070 inputs with SHA-256.
    static let pbkdf2Vectors: [(String, String, Int, String)] = [
        ("passwd", "salt", 1,
         "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"),
        ("Password", "NaCl", 80000,
         "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"),
        ("password", "salt", 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        ("password", "salt", 2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        ("password", "salt", 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        ("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096,
         "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"),
        ("pass\0word", "sa\0lt", 4096, "89b69d0516f829893c696226650a8687"),
    ]

    @Test("PBKDF2-HMAC-SHA256 vectors", arguments: pbkdf2Vectors)
    func pbkdf2(_ password: String, _ salt: String, _ iterations: Int, _ expected: String) throws {
        let key = try PBKDF2.hmacSHA256(password: Array(password.utf8), salt: Array(salt.utf8),
                                        iterations: iterations, keyByteCount: expected.count / 2)
        #expect(Hex.encode(key, prefix: false) == expected)
    }

    @Test("PBKDF2 refuses nonsense parameters")
    func pbkdf2Rejects() {
        #expect(throws: KDFError.self) { try PBKDF2.hmacSHA256(password: [1], salt: [2], iterations: 0, keyByteCount: 32) }
        #expect(throws: KDFError.self) { try PBKDF2.hmacSHA256(password: [1], salt: [2], iterations: 1, keyByteCount: 0) }
    }

    @Test("Salsa20/8 core (RFC 7914 §8)")
    func salsaCore() {
        let input = symmetricTestBytes("""
            7e879a214f3ec9867ca940e641718f26baee555b8c61c1b50df846116dcd3b1d
            ee24f319df9b3d8514121e4b5ac5aa3276021d2909c74829edebc68db8b8c25e
            """)
        let expected = symmetricTestBytes("""
            a41f859c6608cc993b81cacb020cef05044b2181a2fd337dfd7b1c6396682f29
            b4393168e3c9e6bcfe6bc5b7a06d96bae424cc102c91745c24ad673dc7618f81
            """)
        var words = [UInt32](repeating: 0, count: 16)
        for i in 0..<64 { words[i / 4] |= UInt32(input[i]) << UInt32(8 * (i % 4)) }
        words.withUnsafeMutableBufferPointer { buffer in
            var block = SalsaBlock(UnsafePointer(buffer.baseAddress!))
            block.salsa20_8()
            block.store(buffer.baseAddress!)
        }
        let output = words.flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (8 * $0)) } }
        #expect(output == expected)
    }

    /// RFC 7914 §12: the N=16 vector and the N=1024, r=8, p=16 one (both moderate in debug).
    @Test("scrypt vectors (RFC 7914 §12)", arguments: [
        ("", "", 16, 1, 1,
         "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
        ("password", "NaCl", 1024, 8, 16,
         "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
    ])
    func scrypt(_ password: String, _ salt: String, _ n: Int, _ r: Int, _ p: Int, _ expected: String) throws {
        let key = try Scrypt.derive(password: Array(password.utf8), salt: Array(salt.utf8), n: n, r: r, p: p, keyByteCount: 64)
        #expect(Hex.encode(key, prefix: false) == expected)
    }

    @Test("scrypt refuses bad or oversized parameters", arguments: [
        (15, 1, 1), (1, 1, 1), (0, 1, 1), (16, 0, 1), (16, 1, 0), (1 << 20, 8, 1),
    ])
    func scryptRejects(_ n: Int, _ r: Int, _ p: Int) {
        #expect(throws: KDFError.self) {
            try Scrypt.derive(password: [1], salt: [2], n: n, r: r, p: p, keyByteCount: 32, maxMemory: 64 << 20)
        }
    }
}
