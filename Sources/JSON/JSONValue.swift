/// A JSON value as it appears on the wire and in the store.
///
/// Integers that fit in `Int64` stay exact (`.integer`), so request ids such as `2^53-1` and money
/// amounts in atomic units round-trip without loss; any other number is a `.number`, unless its
/// `Double` would be written back differently, when it is kept as text (`.lexeme`). So is a string
/// with a lone surrogate escape. So the serializer writes every number and string the parser read
/// back as the same value, and every number in the same text (but `-0`, written `0`).
/// Objects keep their keys in insertion order, so output is stable and readable.
public enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent that fits in `Int64`.
    case integer(Int64)
    /// Any other number that a `Double` holds and writes back as it was read.
    case number(Double)
    /// A string of Unicode text.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in order.
    case object(JSONObject)
    /// A number or string that Swift's types would alter, kept as its exact JSON text: a number
    /// beyond `Double`'s range (`1e400`) or written another way than its `Double` is (`1e2`), or a
    /// string with a lone surrogate escape (`"\ud800"`). Accessors read it as well as they can:
    /// `doubleValue` and `integerValue` for numbers within range; `stringValue` is nil.
    case lexeme(JSONLexeme)
}

/// A JSON object whose keys keep the order in which they were first set.
///
/// Lookup is linear, which is the fastest choice for the small objects of a protocol message; code
/// that indexes thousands of keys builds a `Dictionary` once.
public struct JSONObject: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// The members in order.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// An empty object.
    public init() { members = [] }

    /// An object with these members; a later duplicate key replaces the earlier value.
    public init(_ pairs: [(String, JSONValue)]) {
        var builder = JSONObjectBuilder(capacity: pairs.count)
        for (key, value) in pairs { builder.set(key, value) }
        members = builder.members
    }

    /// An object with these members, whose keys the caller guarantees to be distinct.
    init(uniqueMembers: [(key: String, value: JSONValue)]) { members = uniqueMembers }

    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }

    /// The value for `key`, or nil; setting nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }
    /// How many members there are.
    public var count: Int { members.count }
    /// Whether there are no members.
    public var isEmpty: Bool { members.isEmpty }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        members.makeIterator()
    }
}

/// Collects the members of a `JSONObject`, a later duplicate key replacing the earlier value, in time
/// linear in the number of members: small objects are scanned, larger ones get a key index.
struct JSONObjectBuilder {
    /// Objects up to this many members are searched linearly; larger ones use `positions`.
    static let linearScanLimit = 16
    /// The members so far, keys distinct, in first-set order.
    private(set) var members: [(key: String, value: JSONValue)] = []
    /// The index of each key in `members`, kept once there are `linearScanLimit` members.
    private var positions: [String: Int] = [:]

    /// A builder with room for `capacity` members before it grows; the first member set reserves
    /// room for a few, since protocol objects are small but seldom single.
    init(capacity: Int = 0) {
        if capacity > 0 { members.reserveCapacity(capacity) }
    }

    /// Sets `key` to `value`: replaces the value of an existing key in place, or appends.
    mutating func set(_ key: String, _ value: JSONValue) {
        if members.count < Self.linearScanLimit {
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = value
                return
            }
            if members.capacity == 0 { members.reserveCapacity(4) }
            members.append((key, value))
            if members.count == Self.linearScanLimit {
                for (index, member) in members.enumerated() { positions[member.key] = index }
            }
        } else if let index = positions[key] {
            members[index].value = value
        } else {
            positions[key] = members.count
            members.append((key, value))
        }
    }

    /// The object built.
    var object: JSONObject { JSONObject(uniqueMembers: members) }
}

extension JSONObject: Equatable {
    /// Objects are equal when they have the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.count <= JSONObjectBuilder.linearScanLimit {
            for (key, value) in lhs.members {
                guard let other = rhs[key], other == value else { return false }
            }
            return true
        }
        let right = Dictionary(rhs.members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        for (key, value) in lhs.members {
            guard let other = right[key], other == value else { return false }
        }
        return true
    }
}

extension JSONValue: Equatable {
    /// Structural equality; `.integer(2)` equals `.number(2.0)` and the lexeme `2e0`, key order does
    /// not matter. Lexemes beyond `Double`'s range and string lexemes equal only the same text.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Double(a) == b && Int64(exactly: b) == a
        case let (.lexeme(a), .lexeme(b)): return a == b
        case let (.lexeme(a), other), let (other, .lexeme(a)):
            // A number within range equals the same number written another way (`1e2` and `100`).
            guard let double = a.doubleValue else { return false }
            return JSONValue.number(double) == other
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension JSONValue {
    /// The string, if this is one.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The integer, if this is an integer (or a number with an exact integer value).
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): i
        case .number(let d): Int64(exactly: d)
        case .lexeme(let lexeme): lexeme.doubleValue.flatMap { Int64(exactly: $0) }
        default: nil
        }
    }
    /// The number as a `Double`, if this is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        case .lexeme(let lexeme): lexeme.doubleValue
        default: nil
        }
    }
    /// The Boolean, if this is one.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The object, if this is one.
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    /// The array, if this is one.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// Whether this is `null`.
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The member `key` of an object, or nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { o[key] } else { nil }
    }

    /// The JSON type name used in error messages: "object", "array", "string", "integer", "number", "boolean", "null".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number(let d): Int64(exactly: d) != nil ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .lexeme(let lexeme):
            switch lexeme.kind {
            case .string: "string"
            case .number: integerValue != nil ? "integer" : "number"
            }
        }
    }
}
