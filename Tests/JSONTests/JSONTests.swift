import Testing
@testable import JSON

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

    /// Text dense with characters that need the six-byte `\u00XX` form grows the output to about
    /// six times the input: the writer must make room as it goes, from the smallest capacity.
    @Test(arguments: [1, 7, 8, 9, 63, 5_000])
    func escapeDenseTextMatchesAPlainEscaper(length: Int) throws {
        let text = String(decoding: (0..<length).map { UInt8(($0 &* 7 &+ length) % 128) }, as: UTF8.self)
        var writer = JSONWriter(capacity: 16)
        writer.writeString(text)
        #expect(writer.takeArray() == Self.plainEscape(text))
        #expect(try JSONValue.parse(JSONValue.string(text).serialized()) == .string(text))
    }

    /// Multi-byte UTF-8 (bytes of 0x80 and above) beside characters that need escaping, at every
    /// alignment: only the latter are escaped.
    @Test(arguments: 0..<16)
    func mixedTextMatchesAPlainEscaper(shift: Int) throws {
        let pool: [String] = ["a", "\"", "\\", "\n", "\u{1}", "é", "😀", "~", "\u{7f}", "\u{1f}", " ", "ж"]
        let text = (0..<200).map { pool[($0 &* 5 &+ shift &* 3 &+ $0 / 7) % pool.count] }.joined()
        var writer = JSONWriter(capacity: 16)
        writer.writeString(String(repeating: "x", count: shift) + text)
        #expect(writer.takeArray() == Self.plainEscape(String(repeating: "x", count: shift) + text))
    }

    /// The escaper written the obvious way, one byte at a time.
    static func plainEscape(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0x08: out += Array(#"\b"#.utf8)
            case 0x0C: out += Array(#"\f"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return out
    }
}

@Suite struct JSONCommonStringTests {
    /// Words parsed from the table of common protocol strings are the same strings as any other.
    @Test func commonWordsParseToThemselves() throws {
        let words = ["id", "2.0", "uri", "name", "type", "text", "code", "_meta", "error", "method", "params", "result",
                     "jsonrpc", "message", "arguments", "tools/call", "progressToken", "ie", "2.1", "names", "tools/cal"]
        for word in words {
            #expect(try JSONValue.parse("\"\(word)\"") == .string(word))
            #expect(try JSONValue.parse("{\"\(word)\":1}")[word] == 1)
        }
    }
}
