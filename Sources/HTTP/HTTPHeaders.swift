/// HTTP header fields in the order they were added; names compare without regard to ASCII case
/// and repeated fields (such as `Set-Cookie`) are kept as separate entries.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// The fields in order, names as given.
    public private(set) var fields: [(name: String, value: String)]

    /// No fields.
    public init() { fields = [] }

    /// These fields, in this order; repeated names are kept.
    public init(_ fields: [(name: String, value: String)]) { self.fields = fields }

    /// Fields from a literal such as `["Accept": "application/json"]`, in literal order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The value of the first field called `name` (any case), or nil; setting replaces every
    /// field of that name with one, and setting nil removes them all.
    public subscript(name: String) -> String? {
        get { fields.first { HTTPHeaders.sameName($0.name, name) }?.value }
        set {
            if let newValue { replace(name, with: newValue) } else { remove(name) }
        }
    }

    /// Every value of the fields called `name` (any case), in order.
    public func values(for name: String) -> [String] {
        fields.filter { HTTPHeaders.sameName($0.name, name) }.map(\.value)
    }

    /// Whether a field called `name` (any case) is present.
    public func contains(_ name: String) -> Bool {
        fields.contains { HTTPHeaders.sameName($0.name, name) }
    }

    /// Appends a field, keeping any earlier field of the same name.
    public mutating func add(_ name: String, _ value: String) { fields.append((name: name, value: value)) }

    /// Replaces every field called `name` with a single one, where the first one was (or at the end).
    public mutating func replace(_ name: String, with value: String) {
        if let index = fields.firstIndex(where: { HTTPHeaders.sameName($0.name, name) }) {
            fields[index].value = value
            var position = fields.index(after: index)
            while position < fields.endIndex {
                if HTTPHeaders.sameName(fields[position].name, name) { fields.remove(at: position) } else { position += 1 }
            }
        } else {
            add(name, value)
        }
    }

    /// Removes every field called `name` (any case).
    public mutating func remove(_ name: String) { fields.removeAll { HTTPHeaders.sameName($0.name, name) } }

    /// How many fields there are, counting repeats.
    public var count: Int { fields.count }
    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    /// `Name: value` lines, for logs and test failures.
    public var description: String { fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n") }

    /// Whether two field names are equal ignoring ASCII case (field names are ASCII tokens).
    public static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        let a = lhs.utf8, b = rhs.utf8
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { asciiLower($0) == asciiLower($1) }
    }

    /// The byte with ASCII `A`…`Z` folded to lower case.
    static func asciiLower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}

extension HTTPHeaders: Equatable {
    /// Equal when the same fields appear in the same order; names compare ignoring case.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.count == rhs.count && zip(lhs.fields, rhs.fields).allSatisfy { sameName($0.name, $1.name) && $0.value == $1.value }
    }
}
