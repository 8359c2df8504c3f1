import Testing
@testable import Store

@Suite struct JSONTests {
    @Test(arguments: [
        "null", "true", "false", "0", "-1", "9007199254740991", "-9223372036854775808",
        "1.5", "\"a\\nb\"", "[]", "{}", "[1,[2,{\"a\":null}]]", "{\"b\":1,\"a\":2}",
        "\"\\u00e9\\ud83d\\ude00\"", "1e400x",
    ])
    func roundTrip(text: String) throws {
        if text == "1e400x" {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
            return
        }
        let value = try JSONValue.parse(text)
        let again = try JSONValue.parse(value.jsonText)
        #expect(value == again)
    }
}

@Suite struct JSONEscapingTests {
    /// Every ASCII character, at every offset within an 8-byte word, survives a round trip.
    @Test(arguments: 0..<9)
    func everyASCIICharacterRoundTrips(offset: Int) throws {
        for code in 0..<128 {
            let text = String(repeating: "a", count: offset) + String(UnicodeScalar(UInt8(code))) + "tail-of-the-string"
            let encoded = JSONValue.string(text).serialized()
            #expect(!encoded.contains(0x0A) && !encoded.contains(0x0D))
            #expect(try JSONValue.parse(encoded) == .string(text), "code \(code) at \(offset)")
        }
    }

    @Test func nonASCIIAndInvalidUTF8() throws {
        #expect(try JSONValue.parse(Array("\"héllo ✓ 😀\"".utf8)) == "héllo ✓ 😀")
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("[1,]".utf8)) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("01".utf8)) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(String(repeating: "[", count: 300).utf8)) }
        #expect(try JSONValue.parse("18446744073709551616") == .number(18446744073709551616))
        #expect(try JSONValue.parse("-0") == .integer(0))
    }
}
