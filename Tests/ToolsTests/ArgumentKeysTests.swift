import JSON
import Testing
@testable import Tools

/// Every tool's input schema names exactly the properties its `Arguments` type decodes, so a
/// field added to one and not the other is caught here rather than by a model's failed call.
@Suite struct ArgumentKeysTests {
    @Test("each tool's schema properties are its Arguments' coding keys", arguments: ToolCatalog.standard.tools.map(\.name))
    func schemaMatchesArguments(name: String) throws {
        let tool = try #require(ToolCatalog.standard.tool(named: name))
        let decoded = try KeyRecorder.keys(decodedBy: tool.argumentsType)
        let properties = Set(tool.inputSchema.value["properties"]?.objectValue?.keys ?? [])
        #expect(decoded == properties, "\(name): decoded but not in the schema \(decoded.subtracting(properties).sorted()), in the schema but not decoded \(properties.subtracting(decoded).sorted())")
    }

    @Test func recorderSeesEveryKindOfKey() throws {
        struct Sample: ToolArguments {
            var name: String
            var count: Int?
            var tags: [String]
            var flag: Bool
            static let schema = JSONSchema.object()
        }
        #expect(try KeyRecorder.keys(decodedBy: Sample.self) == ["name", "count", "tags", "flag"])
    }
}

/// Decodes a type from nothing, answering every request with an empty value, and records the
/// top-level keys the type's `init(from:)` asks for.
enum KeyRecorder {
    /// The keys `type` decodes at its top level.
    static func keys(decodedBy type: any ToolArguments.Type) throws -> Set<String> {
        let log = KeyLog()
        _ = try type.init(from: RecordingDecoder(log: log, depth: 0))
        return log.keys
    }

    /// Where the keys go.
    final class KeyLog { var keys: Set<String> = [] }

    struct RecordingDecoder: Decoder {
        let log: KeyLog
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Keyed<Key>(log: log, depth: depth))
        }
        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Empty() }
        func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(log: log, depth: depth) }
    }

    /// A value of `T` made of empty parts.
    static func empty<T: Decodable>(_ type: T.Type, log: KeyLog, depth: Int) throws -> T {
        switch type {
        case is String.Type: return "" as! T
        case is Bool.Type: return false as! T
        case is Int.Type: return 0 as! T
        case is Int64.Type: return Int64(0) as! T
        case is UInt64.Type: return UInt64(0) as! T
        case is Double.Type: return 0.0 as! T
        default: return try T(from: RecordingDecoder(log: log, depth: depth + 1))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let log: KeyLog
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func record(_ key: Key) { if depth == 0 { log.keys.insert(key.stringValue) } }
        func contains(_ key: Key) -> Bool { record(key); return false }
        func decodeNil(forKey key: Key) throws -> Bool { record(key); return true }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            record(key)
            return try KeyRecorder.empty(type, log: log, depth: depth)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { record(key); return nil }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            record(key)
            return KeyedDecodingContainer(Keyed<NestedKey>(log: log, depth: depth + 1))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { record(key); return Empty() }
        func superDecoder() throws -> any Decoder { RecordingDecoder(log: log, depth: depth + 1) }
        func superDecoder(forKey key: Key) throws -> any Decoder { record(key); return RecordingDecoder(log: log, depth: depth + 1) }
    }

    /// An empty array.
    struct Empty: UnkeyedDecodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 0 }
        var isAtEnd: Bool { true }
        var currentIndex: Int { 0 }
        mutating func decodeNil() throws -> Bool { true }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "empty"))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "empty"))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { Empty() }
        mutating func superDecoder() throws -> any Decoder {
            throw DecodingError.valueNotFound(Empty.self, .init(codingPath: [], debugDescription: "empty"))
        }
    }

    /// A single value, empty.
    struct Single: SingleValueDecodingContainer {
        let log: KeyLog
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try KeyRecorder.empty(type, log: log, depth: depth) }
    }
}
