import Store
public import JSON

/// A JSON-RPC error object: a protocol fault, as opposed to a tool failure (which is a result
/// with `isError: true`).
public struct JSONRPCError: Error, Sendable, Equatable {
    /// The error code; the standard ones are below.
    public var code: Int
    /// A short description.
    public var message: String
    /// Extra facts, such as the supported values.
    public var data: JSONValue?

    /// Creates an error.
    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// Invalid JSON was received (-32700).
    public static func parseError(_ detail: String) -> JSONRPCError { JSONRPCError(code: -32700, message: "Parse error: \(detail)") }
    /// The JSON is not a valid request object (-32600).
    public static func invalidRequest(_ detail: String) -> JSONRPCError { JSONRPCError(code: -32600, message: "Invalid Request: \(detail)") }
    /// The method does not exist or is not available (-32601).
    public static func methodNotFound(_ method: String) -> JSONRPCError { JSONRPCError(code: -32601, message: "Method not found: \(method)") }
    /// Invalid method parameters (-32602).
    public static func invalidParams(_ detail: String, data: JSONValue? = nil) -> JSONRPCError {
        JSONRPCError(code: -32602, message: "Invalid params: \(detail)", data: data)
    }
    /// An internal error (-32603); the detail goes to stderr, never to the client.
    public static let internalError = JSONRPCError(code: internalErrorCode, message: "Internal error")
    /// An internal error (-32603) whose message says what happened to the request, e.g. that
    /// the server is shutting down or the request was cancelled; never an error's detail.
    public static func requestEnded(_ message: String) -> JSONRPCError { JSONRPCError(code: internalErrorCode, message: message) }
    /// The code of an internal error.
    public static let internalErrorCode = -32603
    /// MCP: the resource does not exist (-32002).
    public static func resourceNotFound(_ uri: String) -> JSONRPCError {
        JSONRPCError(code: -32002, message: "Resource not found: \(uri)", data: ["uri": .string(uri)])
    }

    /// The error object JSON.
    public var json: JSONValue {
        var object: JSONObject = ["code": .integer(Int64(code)), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }
}
