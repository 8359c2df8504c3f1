import Testing
@testable import JSON

/// Numbers and strings that Swift's types would alter are kept as their exact text.
@Suite struct JSONLexemeTests {
    @Test(arguments: ["1e400", "-1e309", "1E+400", "123456789012345678901234567890", "-9223372036854775809"])
    func aNumberBeyondWhatADoubleOrAnInt64KeepsItsTextAndComesBackUnchanged(text: String) throws {
        let value = try JSONValue.parse(text)
        guard case .lexeme(let lexeme) = value else {
            Issue.record("\(text) parsed as \(value), not a lexeme")
            return
        }
        #expect(lexeme.kind == .number)
        #expect(lexeme.text == text)
        #expect(value.jsonText == text)
        #expect(try JSONValue.parse("{\"n\":[\(text)]}").jsonText == "{\"n\":[\(text)]}")
    }

    @Test func aNumberBeyondTheRangeOfADoubleHasNoDoubleValue() throws {
        let value = try JSONValue.parse("-1e309")
        #expect(value.doubleValue == nil)
        #expect(value.integerValue == nil)
        #expect(value.typeName == "number")
        guard case .lexeme(let lexeme) = value else { Issue.record("not a lexeme"); return }
        #expect(lexeme.isBeyondDoubleRange)
    }

    @Test(arguments: [("1e2", 100.0), ("1.10", 1.1), ("0.1e1", 1.0), ("100.0", 100.0), ("18446744073709551617", 18446744073709551616.0)])
    func aNumberADoubleWouldRewriteKeepsItsTextButReadsAsItsValue(text: String, double: Double) throws {
        let value = try JSONValue.parse(text)
        guard case .lexeme = value else { Issue.record("\(text) parsed as \(value), not a lexeme"); return }
        #expect(value.jsonText == text)
        #expect(value.doubleValue == double)
        #expect(value == .number(double))
    }

    @Test(arguments: ["1.5", "0.25", "-2.75", "1e+20", "12345.678"])
    func aNumberADoubleWritesBackAsReadStaysANumber(text: String) throws {
        let value = try JSONValue.parse(text)
        guard case .number = value else { Issue.record("\(text) parsed as \(value)"); return }
        #expect(value.jsonText == text)
    }

    @Test func anIntegralLexemeReadsAsAnInteger() throws {
        #expect(try JSONValue.parse("1e2").integerValue == 100)
        #expect(try JSONValue.parse("1e2").typeName == "integer")
        #expect(try JSONValue.parse("100.0") == .integer(100))
    }

    @Test(arguments: [
        ("1e400", true), ("18446744073709551617", true), ("1.5e1", true), ("1.50e1", true), ("1.55e1", false), ("15e-1", false),
        ("150e-1", true), ("1e-400", false), ("0.0e-9999999999999", true), ("-0.000", true), ("2.5e99999999999999999999", true),
    ])
    func integralityIsDecidedFromTheDigits(text: String, isInteger: Bool) throws {
        #expect(JSONLexeme(kind: .number, text: text).isInteger == isInteger, "\(text)")
    }

    @Test(arguments: [#""\ud800""#, #""a\udc00b""#, #""\ud800\u0041""#, #""\udbff\/x""#, #""😀\uDFFF""#])
    func aStringWithALoneSurrogateEscapeKeepsItsTextExactly(text: String) throws {
        let value = try JSONValue.parse(text)
        guard case .lexeme(let lexeme) = value else { Issue.record("\(text) parsed as \(value)"); return }
        #expect(lexeme.kind == .string)
        #expect(lexeme.text == text)
        #expect(value.jsonText == text)
        #expect(value.stringValue == nil, "a lone surrogate is not text")
        #expect(value.typeName == "string")
        #expect(lexeme.lenientString?.contains("\u{FFFD}") == true)
        let wrapped = "{\"id\":\(text),\"x\":[\(text)]}"
        #expect(try JSONValue.parse(wrapped).jsonText == wrapped)
    }

    @Test func pairedSurrogatesAndKeysStayStrings() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
        let object = try JSONValue.parse(#"{"k\ud800":1}"#)
        #expect(object.objectValue?.keys == ["k\u{FFFD}"], "keys are read leniently")
        #expect(try JSONValue.parse(#""\ud800""#) == .lexeme(JSONLexeme(kind: .string, text: #""\ud800""#)))
        #expect(try JSONValue.parse(#""\ud800""#) != .string("\u{FFFD}"))
    }

    @Test func aLexemeOfAFiniteDoubleIsTheSerializersText() {
        #expect(JSONLexeme(number: 1.5)?.text == "1.5")
        #expect(JSONLexeme(number: .infinity) == nil)
    }
}
