import Store
public import JSON

/// What a tool returns: content blocks for the model, optional structured content, and whether
/// it is an error the model should act on.
public struct ToolOutput: Sendable, Equatable {
    /// The content blocks, unless they are just the structured content as text.
    private var storedContent: [JSONValue]
    /// True when the content is exactly one text block holding the structured content's JSON:
    /// it is then produced when needed, and written without serialising the JSON twice.
    public private(set) var mirrorsStructured = false
    /// Structured content conforming to the tool's output schema.
    public var structuredContent: JSONObject?
    /// Whether this result reports a failure.
    public var isError: Bool

    /// MCP content blocks (`{"type":"text","text":…}` and the like).
    public var content: [JSONValue] {
        get {
            guard mirrorsStructured, let structuredContent else { return storedContent }
            return [["type": "text", "text": .string(JSONValue.object(structuredContent).jsonText)]]
        }
        set {
            storedContent = newValue
            mirrorsStructured = false
        }
    }

    /// Creates an output from its parts.
    public init(content: [JSONValue], structuredContent: JSONObject? = nil, isError: Bool = false) {
        storedContent = content
        self.structuredContent = structuredContent
        self.isError = isError
    }

    /// A plain text result.
    public static func text(_ text: String) -> ToolOutput {
        ToolOutput(content: [["type": "text", "text": .string(text)]])
    }

    /// A structured result, with the same JSON as a text block for clients that read only text.
    public static func structured(_ object: JSONObject) -> ToolOutput {
        var output = ToolOutput(content: [], structuredContent: object)
        output.mirrorsStructured = true
        return output
    }

    /// A structured result from an `Encodable` value whose JSON is an object.
    public static func structured(encoding value: some Encodable) throws -> ToolOutput {
        guard case .object(let object) = try JSONValue(encoding: value) else {
            throw ToolFailure(code: .internalError, message: "structured content must be a JSON object")
        }
        return structured(object)
    }

    /// An error result with a message for the model and, optionally, a structured error object.
    public static func error(_ message: String, structured: JSONObject? = nil) -> ToolOutput {
        ToolOutput(content: [["type": "text", "text": .string(message)]], structuredContent: structured, isError: true)
    }

    /// Writes the MCP `CallToolResult` as JSON text: the same JSON as `resultJSON`, but a
    /// structured result is serialised once, and its text block is those bytes escaped.
    public func writeResult(to out: inout JSONWriter) {
        guard mirrorsStructured, let structuredContent else {
            out.write(.object(resultJSON))
            return
        }
        var structured = JSONWriter(capacity: 512)
        structured.write(.object(structuredContent))
        out.append(#"{"content":[{"type":"text","text":"#)
        structured.withUnsafeBytes { out.appendQuoted($0) }
        out.append(#"}],"structuredContent":"#)
        structured.withUnsafeBytes { out.append($0) }
        if isError { out.append(#","isError":true"#) }
        out.append(UInt8(ascii: "}"))
    }

    /// The MCP `CallToolResult` JSON.
    public var resultJSON: JSONObject {
        var result: JSONObject = ["content": .array(content)]
        if let structuredContent { result["structuredContent"] = .object(structuredContent) }
        if isError { result["isError"] = true }
        return result
    }
}

/// A failure the model can understand and act on: rendered as a result with `isError: true`
/// whose text is the message and whose structured content is `{error, message, details}`.
public struct ToolFailure: Error, Sendable, Equatable {
    /// A stable machine-readable code, e.g. `invalid_request`, `not_found`.
    public var code: FailureCode
    /// What went wrong and what to do about it.
    public var message: String
    /// Extra facts (the field, allowed values, states).
    public var details: JSONObject

    /// Creates a failure.
    public init(code: FailureCode, message: String, details: JSONObject = [:]) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// Arguments the model should change.
    public static func invalidRequest(_ message: String, field: String? = nil) -> ToolFailure {
        ToolFailure(code: .invalidRequest, message: message, details: field.map { ["field": .string($0)] } ?? [:])
    }

    /// The error object `{error, message, details}`.
    public var errorObject: JSONObject {
        ["error": .string(code.rawValue), "message": .string(message), "details": .object(details)]
    }

    /// The `isError` result for this failure.
    public var output: ToolOutput {
        ToolOutput.error("\(code): \(message)", structured: errorObject)
    }
}
