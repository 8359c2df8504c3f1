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
