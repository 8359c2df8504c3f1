import Store
import Tools
import JSON

/// `prompts/list`, `prompts/get` and `completion/complete`.
extension Session {
    /// The methods of this file.
    static let promptRoutes: [String: MethodRoute] = [
        "prompts/list": .immediate { session, params in .object(try session.listPrompts(params)) },
        "prompts/get": .task(inline: true) { session, params, context in .object(try await session.getPrompt(params, context: context)) },
        "completion/complete": .task(inline: true) { session, params, context in .object(try await session.complete(params, context: context)) },
    ]

    func listPrompts(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        let (page, next) = try Pagination.page(catalog.prompts, cursor: params["cursor"], pageSize: configuration.pageSize, kind: "prompts")
        return Self.listResult("prompts", page.map { .object($0.descriptor) }, next)
    }

    func getPrompt(_ params: JSONObject, context: ToolContext) async throws -> JSONObject {
        guard case .string(let name)? = params["name"] else { throw JSONRPCError.invalidParams("`name` is required") }
        guard let prompt = catalog.prompts.first(where: { $0.name == name }) else {
            throw JSONRPCError.invalidParams("Unknown prompt: \(name)")
        }
        var values: [String: String] = [:]
        for (key, value) in params["arguments"]?.objectValue ?? [:] {
            guard case .string(let text) = value else { throw JSONRPCError.invalidParams("prompt argument `\(key)` must be a string") }
            values[key] = text
        }
        for argument in prompt.arguments where argument.required && values[argument.name] == nil {
            throw JSONRPCError.invalidParams("prompt `\(name)` needs the argument `\(argument.name)`: \(argument.description)")
        }
        do {
            let messages = try await prompt.render(values, context)
            return ["description": .string(prompt.description), "messages": .array(messages)]
        } catch let failure as ToolFailure {
            throw JSONRPCError.invalidParams(failure.message)
        }
    }

    func complete(_ params: JSONObject, context: ToolContext) async throws -> JSONObject {
        guard let ref = params["ref"]?.objectValue, case .string(let type)? = ref["type"] else {
            throw JSONRPCError.invalidParams("`ref` {type, name|uri} is required")
        }
        guard let argument = params["argument"]?.objectValue, case .string(let name)? = argument["name"] else {
            throw JSONRPCError.invalidParams("`argument` {name, value} is required")
        }
        let prefix = argument["value"]?.stringValue ?? ""
        var values: [String] = []
        switch type {
        case "ref/prompt":
            guard case .string(let promptName)? = ref["name"], let prompt = catalog.prompts.first(where: { $0.name == promptName }) else {
                throw JSONRPCError.invalidParams("Unknown prompt: \(ref["name"]?.jsonText ?? "none")")
            }
            if let complete = prompt.arguments.first(where: { $0.name == name })?.complete {
                values = try await complete(prefix, context)
            }
        case "ref/resource":
            guard case .string(let uri)? = ref["uri"], let template = catalog.resourceTemplates.first(where: { $0.uriTemplate == uri }) else {
                throw JSONRPCError.invalidParams("Unknown resource template: \(ref["uri"]?.jsonText ?? "none")")
            }
            if template.variable == name { values = try await template.complete(prefix, context) }
        default:
            throw JSONRPCError.invalidParams("`ref.type` must be ref/prompt or ref/resource")
        }
        let shown = values.prefix(100)
        return ["completion": ["values": .array(shown.map { .string($0) }), "total": .integer(Int64(values.count)),
                               "hasMore": .bool(values.count > shown.count)]]
    }
}
