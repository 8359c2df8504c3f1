import Store
public import JSON

/// What is wrong with a value against a schema: where, and what was expected.
public struct SchemaViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the value, as `field`, `field.sub` or `field[2]`; empty for the root.
    public var path: String
    /// What the schema expects there, with what was found.
    public var message: String

    public var description: String { path.isEmpty ? message : "`\(path)`: \(message)" }
}

/// Checks JSON values against the JSON Schema subset that `JSONSchema` builds.
///
/// Pure and allocation-light; the first violation found is reported, with a message that says what
/// to change, because a model fixes one thing at a time.
public enum SchemaValidator {
    /// Returns the first violation of `schema` by `value`, or nil when the value conforms.
    public static func firstViolation(of schema: JSONValue, by value: JSONValue, at path: String = "") -> SchemaViolation? {
        guard case .object(let schema) = schema else { return nil }

        if let type = schema["type"], let problem = typeMismatch(type, value) {
            return SchemaViolation(path: path, message: problem)
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            let list = allowed.map(\.jsonText).joined(separator: ", ")
            return SchemaViolation(path: path, message: "must be one of \(list); got \(summary(value))")
        }
        if let constant = schema["const"], constant != value {
            return SchemaViolation(path: path, message: "must be \(constant.jsonText); got \(summary(value))")
        }

        switch value {
        case .integer, .number:
            let number = value.doubleValue ?? 0
            if let minimum = schema["minimum"]?.doubleValue, number < minimum {
                return SchemaViolation(path: path, message: "must be at least \(schema["minimum"]!.jsonText)\(rangeHint(schema)); got \(value.jsonText)")
            }
            if let maximum = schema["maximum"]?.doubleValue, number > maximum {
                return SchemaViolation(path: path, message: "must be at most \(schema["maximum"]!.jsonText)\(rangeHint(schema)); got \(value.jsonText)")
            }
        case .string(let string):
            let length = string.count
            if let minLength = schema["minLength"]?.integerValue, length < minLength {
                return SchemaViolation(path: path, message: minLength == 1 ? "must not be empty" : "must be at least \(minLength) characters long; got \(length)")
            }
            if let maxLength = schema["maxLength"]?.integerValue, length > maxLength {
                return SchemaViolation(path: path, message: "must be at most \(maxLength) characters long; got \(length)")
            }
            if let pattern = schema["pattern"]?.stringValue, !PatternCache.matches(pattern, string) {
                return SchemaViolation(path: path, message: "must match the pattern \(pattern); got \(summary(value))")
            }
        case .array(let items):
            if let minItems = schema["minItems"]?.integerValue, items.count < minItems {
                return SchemaViolation(path: path, message: "must have at least \(minItems) item\(minItems == 1 ? "" : "s"); got \(items.count)")
            }
            if let maxItems = schema["maxItems"]?.integerValue, items.count > maxItems {
                return SchemaViolation(path: path, message: "must have at most \(maxItems) items; got \(items.count)")
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    if let violation = firstViolation(of: itemSchema, by: item, at: "\(path)[\(index)]") { return violation }
                }
            }
        case .object(let object):
            let properties = schema["properties"]?.objectValue ?? JSONObject()
            for case .string(let name) in schema["required"]?.arrayValue ?? [] where object[name] == nil {
                let hint = properties[name]?["description"]?.stringValue.map { " (\($0))" } ?? ""
                return SchemaViolation(path: join(path, name), message: "is required\(hint)")
            }
            let additional = schema["additionalProperties"]
            for (name, member) in object {
                if let propertySchema = properties[name] {
                    if let violation = firstViolation(of: propertySchema, by: member, at: join(path, name)) { return violation }
                } else if additional?.boolValue == false {
                    let known = properties.keys.map { "`\($0)`" }.joined(separator: ", ")
                    return SchemaViolation(path: join(path, name), message: known.isEmpty
                        ? "is not a known field; this takes no fields, so remove it"
                        : "is not a known field; the fields are \(known)")
                } else if let additional, case .object = additional {
                    if let violation = firstViolation(of: additional, by: member, at: join(path, name)) { return violation }
                }
            }
        default:
            break
        }
        return nil
    }

    static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    static func rangeHint(_ schema: JSONObject) -> String {
        guard let minimum = schema["minimum"], let maximum = schema["maximum"] else { return "" }
        return " (allowed: \(minimum.jsonText) to \(maximum.jsonText))"
    }

    /// A short rendering of a value for messages: its JSON, cut at 60 characters, with its type.
    static func summary(_ value: JSONValue) -> String {
        if case .string(let string) = value, looksLikeSecret(string) {
            return "a string of \(string.utf8.count) characters that looks like a key or token, not repeated here (string)"
        }
        var text = value.jsonText
        if text.count > 60 { text = String(text.prefix(57)) + "..." }
        return "\(text) (\(value.typeName))"
    }

    /// Whether `text` could be a secret that a message must not repeat, even to the model that
    /// sent it: at least 32 characters of letters, digits, `_`, `-` and `.` (hex private keys, API
    /// tokens, JWTs), with both a letter and a digit. A `0x` address of 40 hex digits is public.
    static func looksLikeSecret(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= 32 else { return false }
        if bytes.count == 42, text.hasPrefix("0x"), text.dropFirst(2).allSatisfy(\.isHexDigit) { return false }
        var letter = false
        var digit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): letter = true
            case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): break
            default: return false
            }
        }
        return letter && digit
    }

    static func typeMismatch(_ type: JSONValue, _ value: JSONValue) -> String? {
        let names: [String]
        switch type {
        case .string(let name): names = [name]
        case .array(let list): names = list.compactMap(\.stringValue)
        default: return nil
        }
        for name in names where matches(name, value) { return nil }
        let expected = names.map(article).joined(separator: " or ")
        return "must be \(expected); got \(summary(value))"
    }

    static func article(_ type: String) -> String {
        switch type {
        case "integer", "object", "array": "an \(type)"
        case "null": "null"
        default: "a \(type)"
        }
    }

    static func matches(_ type: String, _ value: JSONValue) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .integer), ("number", .integer), ("number", .number): true
        case ("integer", .number(let d)): Int64(exactly: d) != nil
        default: false
        }
    }
}

/// Compiled `pattern` regular expressions, shared across calls.
enum PatternCache {
    /// A compiled pattern. `Regex` is an immutable value that matches from any thread; it is
    /// not marked `Sendable` only because its output type is generic.
    struct Compiled: @unchecked Sendable { let regex: Regex<AnyRegexOutput> }

    static let cache = Locked<[String: Compiled]>([:])

    /// Whether `string` contains a match of `pattern` (JSON Schema patterns are not anchored).
    static func matches(_ pattern: String, _ string: String) -> Bool {
        let compiled: Compiled? = cache.withLock { cache in
            if let cached = cache[pattern] { return cached }
            guard let regex = try? Regex(pattern) else { return nil }
            cache[pattern] = Compiled(regex: regex)
            return cache[pattern]
        }
        guard let compiled else { return false }
        return (try? compiled.regex.firstMatch(in: string)) != nil
    }
}

