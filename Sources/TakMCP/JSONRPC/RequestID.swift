import Store
public import JSON

/// A JSON-RPC request id, echoed back exactly as the client wrote it (`"1"` and `1` differ).
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    /// A string id.
    case string(String)
    /// A number id without fraction or exponent that fits in `Int64`.
    case integer(Int64)
    /// An id that `String` or `Int64` would alter, kept as its JSON text so the answer carries
    /// the same bytes: a string with a lone surrogate escape (`"\ud800"`), or any other number
    /// (`1e400`, `18446744073709551617`, `1.5`).
    case lexeme(JSONLexeme)

    /// Reads an id; nil for null, Booleans, objects and arrays, which cannot be ids.
    public init?(_ value: JSONValue) {
        switch value {
        case .string(let s): self = .string(s)
        case .integer(let i): self = .integer(i)
        case .lexeme(let lexeme): self = .lexeme(lexeme)
        case .number(let double):
            // The parser makes `.number` only when the serializer writes it back as it was read.
            guard let lexeme = JSONLexeme(number: double) else { return nil }
            self = .lexeme(lexeme)
        default: return nil
        }
    }

    /// Whether MCP allows this id on a request: a string, or an integer (of any size). A number
    /// with a fractional part is refused, with the id echoed.
    public var isAllowedOnRequests: Bool {
        switch self {
        case .string, .integer: true
        case .lexeme(let lexeme): lexeme.kind == .string || lexeme.isInteger
        }
    }

    /// The id as JSON.
    public var json: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        case .lexeme(let lexeme): .lexeme(lexeme)
        }
    }

    public var description: String { json.jsonText }
}
