import JSON
import Testing
@testable import Crypto

/// EIP-712 encoding rules beyond the vectors: dependency order, arrays, integers, errors.
@Suite("EIP-712 encoding rules")
struct EIP712EncodingTests {
    /// Typed data with one primary type `T` whose members are `fields`, and `message`.
    static func typed(_ fields: [(String, String)], _ message: JSONValue,
                      extra: [String: [EIP712Field]] = [:]) throws -> EIP712TypedData {
        var types = extra
        types["T"] = fields.map { EIP712Field(name: $0.0, type: $0.1) }
        return try EIP712TypedData(types: types, primaryType: "T", domain: ["name": "x"], message: message)
    }

    @Test("encodeType lists the primary type first, then dependencies sorted, each once, recursion allowed")
    func encodeTypeOrder() throws {
        let types: [String: [EIP712Field]] = [
            "Z": [EIP712Field(name: "a", type: "A[]"), EIP712Field(name: "b", type: "B")],
            "B": [EIP712Field(name: "a", type: "A"), EIP712Field(name: "z", type: "Z[2]")],
            "A": [EIP712Field(name: "v", type: "uint8")],
        ]
        let typed = try EIP712TypedData(types: types, primaryType: "Z", domain: [:], message: [:])
        #expect(try typed.encodeType("Z") == "Z(A[] a,B b)A(uint8 v)B(A a,Z[2] z)")
        #expect(try typed.encodeType("B") == "B(A a,Z[2] z)A(uint8 v)Z(A[] a,B b)")
    }

    @Test("integers: JSON numbers, decimal and hex strings, two's complement, exact bounds")
    func integers() throws {
        func word(_ type: String, _ value: JSONValue) throws -> String {
            Hex.encode(try EIP712TypedData.encodeAtomic(type: type, value: value, path: "v"))
        }
        #expect(try word("uint8", 255) == "0x" + String(repeating: "0", count: 62) + "ff")
        #expect(try word("uint256", "0xff") == "0x" + String(repeating: "0", count: 62) + "ff")
        #expect(try word("int8", -128) == "0x" + String(repeating: "f", count: 62) + "80")
        #expect(try word("int256", "-1") == "0x" + String(repeating: "f", count: 64))
        #expect(try word("int16", "-0x8000") == "0x" + String(repeating: "f", count: 60) + "8000")
        #expect(try word("uint256", "115792089237316195423570985008687907853269984665640564039457584007913129639935")
            == "0x" + String(repeating: "f", count: 64))
        #expect(try word("uint64", .number(4096.0)) == "0x" + String(repeating: "0", count: 60) + "1000")
        for (type, value) in [("uint8", JSONValue(256)), ("uint8", -1), ("int8", 128), ("int8", -129),
                              ("uint256", "115792089237316195423570985008687907853269984665640564039457584007913129639936"),
                              ("uint32", "12x"), ("uint32", .number(1.5)), ("uint32", .number(1e300)), ("uint32", true)]
            as [(String, JSONValue)] {
            #expect(throws: EIP712Error.self, "\(type) \(value)") { try word(type, value) }
        }
    }

    @Test("atomic types: bool, address, bytesN exact length, bytes and string hashed")
    func atomics() throws {
        let e = EIP712TypedData.encodeAtomic
        #expect(try e("bool", true, "v") == UInt256.one.bigEndianBytes)
        #expect(try e("bytes", "0x", "v") == Keccak256.hash([]))
        #expect(try e("string", "", "v") == Keccak256.hash([]))
        #expect(try e("bytes2", "0xabcd", "v") == [0xAB, 0xCD] + [UInt8](repeating: 0, count: 30))
        #expect(throws: EIP712Error.self) { try e("bytes2", "0xab", "v") }
        #expect(throws: EIP712Error.self) { try e("bytes33", "0xab", "v") }
        #expect(throws: EIP712Error.self) { try e("bool", "true", "v") }
        #expect(throws: EIP712Error.self) { try e("address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "v") }
        #expect(throws: EIP712Error.self) { try e("uint", 1, "v") }
        #expect(throws: EIP712Error.self) { try e("uint7", 1, "v") }
        #expect(throws: EIP712Error.self) { try e("uint08", 1, "v") }
    }

    @Test("arrays: dynamic, fixed length checked, nested, arrays of structs")
    func arrays() throws {
        let person: [String: [EIP712Field]] = ["P": [EIP712Field(name: "n", type: "string")]]
        let data = try Self.typed([("a", "uint8[]"), ("b", "uint8[2][]"), ("c", "P[1]")],
                                  ["a": [1, 2], "b": [[1, 2], [3, 4]], "c": [["n": "x"]]], extra: person)
        let word: (UInt64) -> [UInt8] = { UInt256($0).bigEndianBytes }
        let a = Keccak256.hash(word(1) + word(2))
        let b = Keccak256.hash(Keccak256.hash(word(1) + word(2)) + Keccak256.hash(word(3) + word(4)))
        let personHash = Keccak256.hash(Keccak256.hash(Array("P(string n)".utf8)) + Keccak256.hash(Array("x".utf8)))
        let c = Keccak256.hash(personHash)
        let typeHash = Keccak256.hash(Array("T(uint8[] a,uint8[2][] b,P[1] c)P(string n)".utf8))
        #expect(try data.structHash() == Keccak256.hash(typeHash + a + b + c))
        let wrongLength = try Self.typed([("c", "P[1]")], ["c": [["n": "x"], ["n": "y"]]], extra: person)
        #expect(throws: EIP712Error("message.c", "expected 1 elements for P[1], got 2")) { try wrongLength.structHash() }
    }

    @Test("errors name the field: missing member, unknown type, bad value deep inside")
    func errorPaths() throws {
        let person: [String: [EIP712Field]] = ["P": [EIP712Field(name: "age", type: "uint8")]]
        let deep = try Self.typed([("people", "P[]")], ["people": [["age": 1], ["age": 300]]], extra: person)
        #expect(throws: EIP712Error("message.people[1].age", "value 300 out of range for uint8")) { try deep.digest() }
        let missing = try Self.typed([("x", "uint8"), ("y", "string")], ["x": 1])
        #expect(throws: EIP712Error("message.y", "missing field of type string")) { try missing.digest() }
        let unknown = try Self.typed([("x", "Q")], ["x": 1])
        #expect(throws: EIP712Error.self) { try unknown.digest() }
        #expect(throws: EIP712Error.self) { try EIP712TypedData(jsonText: "{}") }
        #expect(throws: EIP712Error.self) { try EIP712TypedData(jsonText: #"{"types":{},"primaryType":"X","domain":{},"message":{}}"#) }
        #expect(throws: EIP712Error.self) {
            try EIP712TypedData(types: ["T": []], primaryType: "T", domain: ["bogus": 1], message: [:])
        }
        do {
            _ = try deep.digest()
        } catch {
            #expect(error.description.contains("people[1].age"))
        }
    }
}
