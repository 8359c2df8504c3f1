import JSON
/// The rules for collection names and record ids.
enum Names {
    /// The longest collection name, in bytes.
    static let maxCollectionNameLength = 64
    /// The longest record id, in UTF-8 bytes.
    static let maxIDLength = 1024

    /// Why `name` is not a valid collection name, or nil if it is: 1-64 ASCII letters, digits, `_`, `-`, `.`.
    static func problem(collection name: String) -> String? {
        let utf8 = name.utf8
        if utf8.isEmpty { return "a collection name must not be empty" }
        if utf8.count > maxCollectionNameLength {
            return "the collection name \"\(name.prefix(80))\" is longer than \(maxCollectionNameLength) bytes"
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            default:
                return "the collection name \"\(name)\" may only contain ASCII letters, digits, '_', '-' and '.'"
            }
        }
        return nil
    }

    /// Why `id` is not a valid record id, or nil if it is: 1-1024 bytes of UTF-8.
    static func problem(id: String) -> String? {
        let length = id.utf8.count
        if length == 0 { return "a record id must not be empty" }
        if length > maxIDLength { return "a record id must be at most \(maxIDLength) bytes of UTF-8; got \(length)" }
        return nil
    }

    /// Throws `invalidArgument` unless `name` is a valid collection name.
    static func validate(collection name: String) throws(StoreError) {
        if let problem = problem(collection: name) { throw StoreError(.invalidArgument, problem.capitalizedFirst + ".") }
    }

    /// Throws `invalidArgument` unless `id` is a valid record id.
    static func validate(id: String) throws(StoreError) {
        if let problem = problem(id: id) { throw StoreError(.invalidArgument, problem.capitalizedFirst + ".") }
    }

    /// How deeply a record value may nest arrays and objects. The files wrap a value in at most five
    /// more levels, which keeps every line and snapshot within the parser's limit of 256.
    static let maxValueDepth = 200

    /// Throws `invalidArgument` if `value` holds a number JSON cannot represent (NaN or an infinity) or
    /// nests deeper than `maxValueDepth`, so that everything committed can be read back.
    static func validate(value: JSONValue, id: String) throws(StoreError) {
        switch value.storageProblem(depthLeft: maxValueDepth) {
        case nil:
            return
        case .nonFiniteNumber:
            throw StoreError(.invalidArgument,
                             "The value for record \"\(id)\" contains NaN or an infinity, which JSON cannot store; replace it with null or a finite number.")
        case .numberBeyondRange(let text):
            throw StoreError(.invalidArgument,
                             "The value for record \"\(id)\" contains the number \(text), beyond the range of a Double, which no reader of the record could hold; store it as a string.")
        case .tooDeep:
            throw StoreError(.invalidArgument,
                             "The value for record \"\(id)\" nests arrays and objects more than \(maxValueDepth) levels deep; flatten it.")
        }
    }
}

/// Why a value cannot be stored.
enum StorageProblem {
    /// A number is NaN or infinite.
    case nonFiniteNumber
    /// A number's text is beyond the range of a `Double` (such as `1e400`).
    case numberBeyondRange(String)
    /// Arrays and objects nest too deeply.
    case tooDeep
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension JSONValue {
    /// Why this value cannot be stored with `depthLeft` levels of nesting allowed, or nil if it can.
    func storageProblem(depthLeft: Int) -> StorageProblem? {
        switch self {
        case .number(let double):
            return double.isFinite ? nil : .nonFiniteNumber
        case .lexeme(let lexeme):
            return lexeme.isBeyondDoubleRange ? .numberBeyondRange(lexeme.text) : nil
        case .array(let items):
            guard depthLeft > 0 else { return .tooDeep }
            for item in items { if let problem = item.storageProblem(depthLeft: depthLeft - 1) { return problem } }
            return nil
        case .object(let object):
            guard depthLeft > 0 else { return .tooDeep }
            for member in object { if let problem = member.value.storageProblem(depthLeft: depthLeft - 1) { return problem } }
            return nil
        default:
            return nil
        }
    }
}
