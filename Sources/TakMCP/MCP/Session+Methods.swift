import Store
import Tools
import JSON

/// The MCP methods, one function each; each returns the result object or throws the JSON-RPC error.
extension Session {
    func initialize(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        guard case .string(let requested)? = params["protocolVersion"] else {
            throw .invalidParams("`protocolVersion` (a string such as \"2025-11-25\") is required")
        }
        let version = ProtocolVersion.negotiate(requested)
        let elicitation = elicitation(for: params["capabilities"]?.objectValue ?? [:])
        let alreadyInitialized = state.withLock { state -> Bool in
            if state.protocolVersion != nil { return true }
            state.protocolVersion = version
            state.elicitation = elicitation
            return false
        }
        if alreadyInitialized { throw .invalidRequest("the session is already initialized") }
        if version != requested {
            log(.notice, "client asked for protocol \(requested); answering with \(version)")
        }
        return [
            "protocolVersion": .string(version),
            "capabilities": .object(capabilities),
            "serverInfo": [
                "name": .string(ServerIdentity.name),
                "title": .string(ServerIdentity.title),
                "version": .string(ServerIdentity.version),
                "description": .string(ServerIdentity.description),
            ],
            "instructions": .string(ServerIdentity.instructions),
        ]
    }

    /// What this server implements, and nothing more.
    var capabilities: JSONObject {
        [
            "tools": ["listChanged": false],
            "resources": ["subscribe": true, "listChanged": false],
            "prompts": ["listChanged": false],
            "logging": [:],
            "completions": [:],
        ]
    }

    func listTools(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        let (page, next) = try Pagination.page(catalog.tools, cursor: params["cursor"], pageSize: configuration.pageSize, kind: "tools")
        return Self.listResult("tools", page.map { .object($0.descriptor) }, next)
    }

    func listResources(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        let (page, next) = try Pagination.page(catalog.resources, cursor: params["cursor"], pageSize: configuration.pageSize, kind: "resources")
        return Self.listResult("resources", page.map { .object($0.descriptor) }, next)
    }

    func listResourceTemplates(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        let (page, next) = try Pagination.page(catalog.resourceTemplates, cursor: params["cursor"], pageSize: configuration.pageSize, kind: "templates")
        return Self.listResult("resourceTemplates", page.map { .object($0.descriptor) }, next)
    }

    func listPrompts(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        let (page, next) = try Pagination.page(catalog.prompts, cursor: params["cursor"], pageSize: configuration.pageSize, kind: "prompts")
        return Self.listResult("prompts", page.map { .object($0.descriptor) }, next)
    }

    static func listResult(_ key: String, _ items: [JSONValue], _ next: String?) -> JSONObject {
        var result: JSONObject = [key: .array(items)]
        if let next { result["nextCursor"] = .string(next) }
        return result
    }

    func setLogLevel(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        guard let name = params["level"]?.stringValue, let level = LogLevel(rawValue: name) else {
            throw .invalidParams("`level` must be one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        state.withLock { $0.clientLogLevel = level }
        return [:]
    }

    /// The tool a `tools/call` names and its arguments (none given means `{}`), or -32602.
    func toolCall(_ params: JSONObject) throws(JSONRPCError) -> (tool: AnyTool, arguments: JSONObject) {
        guard case .string(let name)? = params["name"] else {
            throw JSONRPCError.invalidParams("`name` (the tool's name) is required")
        }
        guard let tool = catalog.tool(named: name) else {
            throw JSONRPCError.invalidParams("Unknown tool: \(name)", data: ["name": .string(name)])
        }
        let arguments: JSONObject
        switch params["arguments"] {
        case nil, .null?: arguments = [:]
        case .object(let object)?: arguments = object
        default: throw JSONRPCError.invalidParams("`arguments` must be an object")
        }
        return (tool, arguments)
    }

    func readResource(_ params: JSONObject, context: ToolContext) async throws -> JSONObject {
        guard case .string(let uri)? = params["uri"] else { throw JSONRPCError.invalidParams("`uri` is required") }
        let (mimeType, text) = try await resourceText(uri, context: context)
        return Self.contents(uri, mimeType, text)
    }

    /// The MIME type and text of `uri`, or -32002.
    func resourceText(_ uri: String, context: ToolContext) async throws -> (String, String) {
        if let resource = catalog.resources.first(where: { $0.uri == uri }) {
            return (resource.mimeType, try await resource.read(context))
        }
        for template in catalog.resourceTemplates {
            guard let value = template.match(uri) else { continue }
            if let text = try await template.read(value, context) {
                return (template.mimeType, text)
            }
        }
        throw JSONRPCError.resourceNotFound(uri)
    }

    /// `resources/subscribe`: remembers the resource's current text and starts watching the store,
    /// which every process sharing the home writes to, for changes.
    func subscribe(_ params: JSONObject, context: ToolContext) async throws -> JSONObject {
        guard case .string(let uri)? = params["uri"] else { throw JSONRPCError.invalidParams("`uri` is required") }
        let (_, text) = try await resourceText(uri, context: context)
        state.withLock { state in
            state.subscriptions[uri] = text
            if state.watcher == nil, !state.closing {
                state.watcher = Task { [weak self] in await self?.watchSubscriptions(context: context) }
            }
        }
        return [:]
    }

    /// `resources/unsubscribe`.
    func unsubscribe(_ params: JSONObject) throws -> JSONObject {
        guard case .string(let uri)? = params["uri"] else { throw JSONRPCError.invalidParams("`uri` is required") }
        state.withLock { _ = $0.subscriptions.removeValue(forKey: uri) }
        return [:]
    }

    /// Polls the store's sequence number (a stat when nothing changed) and, when it moved,
    /// re-reads each subscribed resource and sends `notifications/resources/updated` for those
    /// whose text changed, whichever process made the change.
    func watchSubscriptions(context: ToolContext) async {
        var seen = (try? environment.store.sequenceNumber()) ?? -1
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 200_000_000)
            guard let sequence = try? environment.store.sequenceNumber(), sequence != seen else { continue }
            seen = sequence
            let subscribed = state.withLock { $0.subscriptions }
            for (uri, before) in subscribed {
                guard let (_, text) = try? await resourceText(uri, context: context), text != before else { continue }
                let stillSubscribed = state.withLock { state -> Bool in
                    guard state.subscriptions[uri] != nil else { return false }
                    state.subscriptions[uri] = text
                    return true
                }
                if stillSubscribed { emit(OutgoingMessage.notification("notifications/resources/updated", ["uri": .string(uri)])) }
            }
        }
    }

    static func contents(_ uri: String, _ mimeType: String, _ text: String) -> JSONObject {
        ["contents": [["uri": .string(uri), "mimeType": .string(mimeType), "text": .string(text)]]]
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
