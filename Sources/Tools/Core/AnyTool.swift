import Store
public import JSON

/// A tool with its types erased, as the catalog and the protocol layer hold it.
public struct AnyTool: Sendable {
    /// The tool's name.
    public let name: String
    /// The tool's group.
    public let toolset: Toolset
    /// The tool's annotations.
    public let annotations: ToolAnnotations
    /// The `Tool` object of `tools/list`.
    public let descriptor: JSONObject
    /// The input schema.
    public let inputSchema: JSONSchema
    /// The type the arguments decode into (a test checks its keys against `inputSchema`).
    public let argumentsType: any ToolArguments.Type
    /// The output schema, if any.
    public let outputSchema: JSONSchema?
    /// Where the handler runs.
    public let execution: ToolExecution
    /// Whether it may be called as an MCP task.
    public let taskSupport: TaskSupport
    /// Whether `{}` satisfies the input schema, worked out once: calls without arguments skip
    /// validation.
    let acceptsNoArguments: Bool
    private let run: @Sendable (JSONObject, ToolContext) async throws -> ToolOutput
    /// The handler as a plain function, for tools that never suspend (`SynchronousTool`).
    private let runNow: (@Sendable (JSONObject, ToolContext) throws -> ToolOutput)?

    /// Erases `tool`.
    public init<T: Tool>(_ tool: T) {
        name = T.name
        toolset = T.toolset
        annotations = T.annotations
        inputSchema = T.Arguments.schema
        argumentsType = T.Arguments.self
        outputSchema = T.outputSchema
        execution = T.execution
        taskSupport = T.taskSupport
        acceptsNoArguments = SchemaValidator.firstViolation(of: T.Arguments.schema.value, by: .object([:])) == nil
        descriptor = AnyTool.describe(T.self)
        run = { arguments, context in
            try await tool.call(try AnyTool.decode(T.self, arguments), context: context)
        }
        if let synchronous = tool as? any SynchronousTool {
            runNow = { arguments, context in try synchronous.runErased(arguments, context: context) }
        } else {
            runNow = nil
        }
    }

    /// Decodes and validates arguments that already passed the schema.
    static func decode<T: Tool>(_ tool: T.Type, _ arguments: JSONObject) throws -> T.Arguments {
        let decoded: T.Arguments
        if T.Arguments.self == NoArguments.self, arguments.isEmpty {
            decoded = unsafeBitCast(NoArguments(), to: T.Arguments.self)
        } else {
            do {
                decoded = try JSONValue.object(arguments).decode(as: T.Arguments.self)
            } catch {
                throw ToolFailure.invalidRequest("Invalid arguments for `\(T.name)`: \(DecodingProblem.describe(error))")
            }
        }
        do throws(ToolInputError) {
            try decoded.validate()
        } catch {
            throw ToolFailure.invalidRequest("Invalid arguments for `\(T.name)`: \(error.message)")
        }
        return decoded
    }

    /// Whether the handler can run to completion without suspending (see `invokeNow`).
    public var isSynchronous: Bool { runNow != nil }

    /// Validates `arguments` against the input schema, decodes them and runs the handler.
    ///
    /// Argument problems and `ToolFailure`s come back as `isError` outputs; cancellation and
    /// unexpected errors are thrown for the protocol layer to turn into JSON-RPC errors.
    public func invoke(_ arguments: JSONObject, context: ToolContext) async throws -> ToolOutput {
        if let refusal = refusal(of: arguments) { return refusal }
        let output: ToolOutput
        do {
            output = try await run(arguments, context)
        } catch let failure as ToolFailure {
            return failure.output
        }
        return try checked(output, context: context)
    }

    /// `invoke` for a synchronous tool, without a task: the protocol layer answers on the thread
    /// that read the request. Nil when the tool is not synchronous.
    public func invokeNow(_ arguments: JSONObject, context: ToolContext) throws -> ToolOutput? {
        guard let runNow else { return nil }
        if let refusal = refusal(of: arguments) { return refusal }
        let output: ToolOutput
        do {
            output = try runNow(arguments, context)
        } catch let failure as ToolFailure {
            return failure.output
        }
        return try checked(output, context: context)
    }

    /// The `isError` output for arguments that break the input schema, or nil.
    func refusal(of arguments: JSONObject) -> ToolOutput? {
        if arguments.isEmpty, acceptsNoArguments { return nil }
        guard let violation = SchemaValidator.firstViolation(of: inputSchema.value, by: .object(arguments)) else { return nil }
        let field = violation.path.isEmpty ? nil : violation.path
        return ToolFailure.invalidRequest("Invalid arguments for `\(name)`: \(violation)", field: field).output
    }

    /// `output`, after checking it against the output schema where that is enabled.
    func checked(_ output: ToolOutput, context: ToolContext) throws -> ToolOutput {
        if context.environment.validatesOutput, !output.isError, let outputSchema {
            guard let structured = output.structuredContent else {
                throw ToolContractViolation(message: "`\(name)` declares an output schema but returned no structured content")
            }
            if let violation = SchemaValidator.firstViolation(of: outputSchema.value, by: .object(structured)) {
                throw ToolContractViolation(message: "`\(name)` returned structured content that breaks its output schema: \(violation)")
            }
        }
        return output
    }

    static func describe<T: Tool>(_ tool: T.Type) -> JSONObject {
        var descriptor: JSONObject = [
            "name": .string(T.name),
            "title": .string(T.title),
            "description": .string(T.description),
            "inputSchema": T.Arguments.schema.value,
        ]
        if let output = T.outputSchema { descriptor["outputSchema"] = output.value }
        if T.taskSupport != .forbidden { descriptor["execution"] = ["taskSupport": .string(T.taskSupport.rawValue)] }
        descriptor["annotations"] = [
            "title": .string(T.title),
            "readOnlyHint": .bool(T.annotations.readOnly),
            "destructiveHint": .bool(T.annotations.destructive),
            "idempotentHint": .bool(T.annotations.idempotent),
            "openWorldHint": .bool(T.annotations.openWorld),
        ]
        return descriptor
    }
}

/// A tool broke its own declared contract (a bug, not the model's fault).
public struct ToolContractViolation: Error, Sendable, CustomStringConvertible {
    /// What was broken.
    public var message: String
    public var description: String { message }
}

/// Turns `DecodingError`s into messages a model can act on.
enum DecodingProblem {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            var text = ""
            for key in context.codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text.isEmpty ? "the arguments" : "`\(text)`"
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is required"
        case .typeMismatch(let type, let context): return "\(path(context)) must be \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)) must be \(type), not null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
