import Testing
@testable import Crypto

/// Hex, constant-time comparison, random sources and UUIDs.
@Suite("Crypto utilities")
struct UtilTests {
    @Test("Hex encodes lowercase with an optional 0x prefix")
    func encode() {
        #expect(Hex.encode([0x00, 0x01, 0xab, 0xff]) == "0x0001abff")
        #expect(Hex.encode([0x00, 0x01, 0xab, 0xff], prefix: false) == "0001abff")
        #expect(Hex.encode([UInt8]()) == "0x")
        #expect(Hex.encode((0...255).map(UInt8.init), prefix: false)
                == (0...255).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
    }

    @Test("Hex decodes with or without 0x, either case", arguments: [
        ("0x0001abff", [0x00, 0x01, 0xab, 0xff]), ("0001ABFF", [0x00, 0x01, 0xab, 0xff]),
        ("0X0a", [0x0a]), ("", []), ("0x", []), ("fF", [0xff]),
    ] as [(String, [UInt8])])
    func decode(_ text: String, _ bytes: [UInt8]) throws {
        #expect(try Hex.decode(text) == bytes)
    }

    @Test("Hex decoding every byte value round-trips")
    func roundTrip() throws {
        let all = (0...255).map(UInt8.init)
        #expect(try Hex.decode(Hex.encode(all)) == all)
        #expect(try Hex.decode(Hex.encode(all).uppercased()) == all)
    }

    @Test("Hex rejects odd lengths and bad digits", arguments: [
        ("0x123", HexError.oddLength(3)), ("1", .oddLength(1)), ("0xg0", .invalidDigit(offset: 0)),
        ("00 1", .invalidDigit(offset: 2)), ("00zz", .invalidDigit(offset: 2)), ("0x0x", .invalidDigit(offset: 1)),
        ("/0", .invalidDigit(offset: 0)), (":0", .invalidDigit(offset: 0)), ("@0", .invalidDigit(offset: 0)),
        ("G0", .invalidDigit(offset: 0)), ("`0", .invalidDigit(offset: 0)), ("é0", .oddLength(3)),
    ])
    func decodeRejects(_ text: String, _ error: HexError) {
        #expect(throws: error) { try Hex.decode(text) }
    }

    @Test("constantTimeEquals", arguments: [
        ([1, 2, 3], [1, 2, 3], true), ([1, 2, 3], [1, 2, 4], false), ([0x80], [0x00], false),
        ([], [], true), ([1, 2], [1, 2, 3], false), ([255, 0], [255, 0], true),
    ] as [([UInt8], [UInt8], Bool)])
    func constantTime(_ a: [UInt8], _ b: [UInt8], _ equal: Bool) {
        #expect(constantTimeEquals(a, b) == equal)
        #expect(constantTimeEquals(a[...], b) == equal)
    }

    @Test("ConstantTime.equalMask for every pair with one fixed side")
    func equalMask() {
        for a in 0...255 {
            #expect(ConstantTime.equalMask(UInt8(a), 0x30) == (a == 0x30 ? 0xFF : 0))
            #expect(ConstantTime.equalMask(0xFF, UInt8(a)) == (a == 0xFF ? 0xFF : 0))
        }
    }

    @Test("ConstantTime.isZero for every byte")
    func isZero() {
        for value in 0...255 { #expect(ConstantTime.isZero(UInt8(value)) == (value == 0)) }
    }

    @Test("System random: right length, not constant, large requests in chunks")
    func systemRandom() throws {
        let a = try RandomBytes.system.bytes(32)
        let b = try RandomBytes.system.bytes(32)
        #expect(a.count == 32 && a != b)
        let big = try RandomBytes.system.bytes(1000)
        #expect(big.count == 1000 && Set(big).count > 100)
        #expect(try RandomBytes.system.bytes(0).isEmpty)
    }

    @Test("Deterministic random is reproducible per seed and independent of request sizes")
    func deterministicRandom() throws {
        let one = RandomBytes.deterministic(seed: 42)
        let two = RandomBytes.deterministic(seed: 42)
        let whole = try one.bytes(100)
        let parts = try two.bytes(7) + two.bytes(60) + two.bytes(33)
        #expect(whole == parts)
        #expect(try RandomBytes.deterministic(seed: 43).bytes(100) != whole)
        // Block 0 is SHA-256(seed ‖ counter 0), both big-endian 64-bit.
        #expect(Array(whole[0..<32]) == SHA256.hash([0, 0, 0, 0, 0, 0, 0, 42] + [UInt8](repeating: 0, count: 8)))
    }

    @Test("UUID v4 shape")
    func uuid() throws {
        let id = try UUID4.string(using: .system)
        let parts = id.split(separator: "-").map(String.init)
        #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
        #expect(parts[2].first == "4")
        #expect(["8", "9", "a", "b"].contains(parts[3].first.map(String.init)))
        #expect(id == id.lowercased())
        #expect(try UUID4.string(using: .system) != id)
    }

    @Test("SecureZero clears a buffer")
    func zero() {
        var secret: [UInt8] = [1, 2, 3, 4]
        SecureZero.zero(&secret)
        #expect(secret == [0, 0, 0, 0])
    }
}
