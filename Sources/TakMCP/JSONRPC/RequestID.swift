import Store
public import JSON

/// A JSON-RPC request id: a string or an integer, echoed back exactly (`"1"` and `1` differ).
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int64)

    /// Reads an id; nil for null, Booleans, fractions, objects and arrays, which MCP forbids.
    public init?(_ value: JSONValue) {
        switch value {
        case .string(let s): self = .string(s)
        case .integer(let i): self = .integer(i)
        default: return nil
        }
    }

    /// The id as JSON.
    public var json: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        }
    }

    public var description: String { json.jsonText }
}
