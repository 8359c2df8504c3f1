import Store
import Tools
import JSON

/// `tools/list` and `tools/call`.
extension Session {
    /// The methods of this file.
    static let toolRoutes: [String: MethodRoute] = [
        "tools/list": .immediate { session, params in .object(try session.listTools(params)) },
        "tools/call": .custom { session, id, params, responder in session.callTool(id, params, responder) },
    ]

    /// `tools/call`: a synchronous tool is answered on this thread with no task, like ping; any
    /// other call, and a call that names no tool or bad arguments, runs as a tracked request.
    func callTool(_ id: RequestID, _ params: JSONObject, _ responder: Responder) {
        if let task = params["task"], task != .null {
            callToolAsTask(id, params, responder)
            return
        }
        let call = Result { () throws(JSONRPCError) -> (tool: AnyTool, arguments: JSONObject) in
            let (tool, arguments) = try toolCall(params)
            if tool.taskSupport == .required {
                throw JSONRPCError(code: -32601, message: "Method not found: tool \(tool.name) runs only as a task; call it with `task`")
            }
            return (tool, arguments)
        }
        if case .success(let (tool, arguments)) = call, tool.isSynchronous {
            answer(id, responder) { .tool(try tool.invokeNow(arguments, context: self.quickContext)!) }
        } else {
            let inline = (try? call.get()).map { $0.tool.execution == .inline } ?? true
            runConcurrently(id, params, responder, inline: inline) { context in
                let (tool, arguments) = try call.get()
                return .tool(try await tool.invoke(arguments, context: context))
            }
        }
    }

    func listTools(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        let (page, next) = try Pagination.page(catalog.tools, cursor: params["cursor"], pageSize: configuration.pageSize, kind: "tools")
        return Self.listResult("tools", page.map { .object($0.descriptor) }, next)
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
}
