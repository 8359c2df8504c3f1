import Store
import Tools
import Tasks
import JSON

/// MCP Tasks (spec 2025-11-25): task-augmented `tools/call`, `tasks/get`, `tasks/result`,
/// `tasks/list` and `tasks/cancel`, progress for a task's progress token, and the status
/// notification when a task ends. Tasks are the product's durable tasks (see `TaskManager`).
extension Session {
    /// The methods of this file.
    static let taskRoutes: [String: MethodRoute] = [
        "tasks/get": .task(inline: false) { session, params, _ in .object(try session.getTask(params)) },
        "tasks/result": .task(inline: false) { session, params, _ in .object(try await session.taskResult(params)) },
        "tasks/list": .task(inline: false) { session, params, _ in .object(try session.listTasks(params)) },
        "tasks/cancel": .task(inline: false) { session, params, _ in .object(try session.cancelTask(params)) },
    ]

    /// The `tasks` capability: list, cancel, and task-augmented `tools/call`.
    static let tasksCapability: JSONValue = ["list": [:], "cancel": [:], "requests": ["tools": ["call": [:]]]]

    /// The `_meta` key that ties a message to a task.
    static let relatedTask = "io.modelcontextprotocol/related-task"

    /// How long a task is kept when the request names no ttl (one day), and the most allowed (a week).
    static let defaultTaskTTL: Int64 = 86_400_000, maxTaskTTL: Int64 = 604_800_000

    /// `tools/call` with `task`: validates, creates the task and answers `CreateTaskResult` at once.
    func callToolAsTask(_ id: RequestID, _ params: JSONObject, _ responder: Responder) {
        runConcurrently(id, [:], responder) { [self] _ in
            guard case .object(let metadata)? = params["task"] else { throw JSONRPCError.invalidParams("`task` must be an object such as {\"ttl\": 60000}") }
            let (tool, arguments) = try toolCall(params)
            guard tool.taskSupport != .forbidden else {
                throw JSONRPCError(code: -32601, message: "Method not found: tool \(tool.name) cannot run as a task (execution.taskSupport is forbidden); call it without `task`")
            }
            let ttl = min(Self.maxTaskTTL, max(1000, metadata["ttl"]?.integerValue ?? Self.defaultTaskTTL))
            let token = params["_meta"]?["progressToken"].flatMap { token -> JSONValue? in
                switch token { case .string, .integer: token; default: nil }
            }
            var context = quickContext
            context.runsAsTask = true
            context.sampling = state.withLock { $0.sampling }
            let base = context
            let manager = try environment.taskManager()
            let observer = taskObserver(token: token)
            let record = try manager.submit(kind: "tool:\(tool.name)", input: ["name": .string(tool.name), "arguments": .object(arguments)],
                                            ttl: ttl, observer: observer) { task in
                var context = base
                context.taskID = task.id
                context.progress = ProgressReporter { progress, total, message in
                    try? task.report(message ?? "Working.", progress: progress, total: total)
                }
                let output = try await tool.invoke(arguments, context: context)
                guard !output.isError else {
                    // For tools, a result with isError makes the task failed; the result is kept for tasks/result.
                    let text = output.content.first?["text"]?.stringValue ?? "the tool reported an error"
                    throw TaskError(code: "tool_error", message: text, result: output.resultJSON)
                }
                return output.resultJSON
            }
            return .object([
                "task": .object(Self.taskJSON(record)),
                "_meta": ["io.modelcontextprotocol/model-immediate-response":
                    .string("Started task \(record.id) for \(tool.name); poll tasks/get and fetch the answer with tasks/result.")],
            ])
        }
    }

    /// Sends `notifications/progress` for each event while the task runs (when the call had a
    /// progress token), then `notifications/tasks/status` when it ends.
    func taskObserver(token: JSONValue?) -> @Sendable (TaskManager.Update) -> Void {
        let last = Locked<Double>(0)
        return { [weak self] update in
            guard let self else { return }
            switch update {
            case .event(let event, let task):
                guard let token else { return }
                let progress = last.withLock { last -> Double? in
                    let next = event.progress ?? Double(event.id + 1)
                    guard next > last else { return nil }
                    last = next
                    return next
                }
                guard let progress else { return }
                var params: JSONObject = ["progressToken": token, "progress": Self.number(progress), "message": .string(event.message)]
                if let total = event.total { params["total"] = Self.number(total) }
                params["_meta"] = [Self.relatedTask: ["taskId": .string(task)]]
                self.emit(OutgoingMessage.notification("notifications/progress", params))
            case .finished(let record):
                self.emit(OutgoingMessage.notification("notifications/tasks/status", Self.taskJSON(record)))
            }
        }
    }
}

/// `tasks/get`, `tasks/result`, `tasks/list` and `tasks/cancel`, and the `Task` object.
extension Session {
    /// The `taskId` of a task request, or -32602.
    func taskID(_ params: JSONObject) throws(JSONRPCError) -> String {
        guard case .string(let id)? = params["taskId"], !id.isEmpty else { throw .invalidParams("`taskId` (a string) is required") }
        return id
    }

    /// The task `id`, or -32602 when there is none (or it expired).
    func existingTask(_ id: String) throws -> TaskRecord {
        guard let record = try environment.taskManager().record(id) else {
            throw JSONRPCError.invalidParams("Unknown task: \(id) (it may have expired)", data: ["taskId": .string(id)])
        }
        return record
    }

    /// `tasks/get`: the task as it stands.
    func getTask(_ params: JSONObject) throws -> JSONObject {
        Self.taskJSON(try existingTask(try taskID(params)))
    }

    /// `tasks/result`: waits until the task ends, then answers what the original call would
    /// have: its `CallToolResult` (also one with isError), or a JSON-RPC error when the work
    /// produced none (cancelled, interrupted by a restart, an internal failure).
    func taskResult(_ params: JSONObject) async throws -> JSONObject {
        let id = try taskID(params)
        _ = try existingTask(id)
        let record: TaskRecord
        do {
            record = try await environment.taskManager().waitUntilTerminal(id)
        } catch TaskManager.Failure.notFound {
            throw JSONRPCError.invalidParams("Unknown task: \(id) (it expired while waiting)", data: ["taskId": .string(id)])
        }
        guard var result = record.result else {
            let why = record.status == .cancelled ? "was cancelled" : "failed: \(record.error?.message ?? "no result")"
            throw JSONRPCError(code: JSONRPCError.internalErrorCode, message: "Task \(id) \(why)",
                               data: ["taskId": .string(id), "status": .string(Self.mcpStatus(record.status)),
                                      "code": .string(record.error?.code ?? record.status.rawValue)])
        }
        var meta = result["_meta"]?.objectValue ?? [:]
        meta[Self.relatedTask] = ["taskId": .string(id)]
        result["_meta"] = .object(meta)
        return result
    }

    /// `tasks/list`: tasks oldest first, a page at a time.
    func listTasks(_ params: JSONObject) throws -> JSONObject {
        var cursor: RecordCursor?
        switch params["cursor"] {
        case nil, .null?: cursor = nil
        case .string(let text)?:
            guard let parsed = RecordCursor(text) else { throw JSONRPCError.invalidParams("invalid cursor \(text); pass a nextCursor from tasks/list") }
            cursor = parsed
        default: throw JSONRPCError.invalidParams("`cursor` must be a string")
        }
        let (records, next) = try environment.taskManager().list(after: cursor, limit: configuration.pageSize)
        return Self.listResult("tasks", records.map { .object(Self.taskJSON($0)) }, next?.description)
    }

    /// `tasks/cancel`: the task, now cancelled; -32602 when it is unknown or already ended.
    func cancelTask(_ params: JSONObject) throws -> JSONObject {
        let id = try taskID(params)
        do {
            return Self.taskJSON(try environment.taskManager().cancel(id, reason: "Cancelled by the client (tasks/cancel)."))
        } catch TaskManager.Failure.notFound {
            throw JSONRPCError.invalidParams("Unknown task: \(id)", data: ["taskId": .string(id)])
        } catch TaskManager.Failure.terminal(let record) {
            throw JSONRPCError.invalidParams("Task \(id) is already \(Self.mcpStatus(record.status)) and cannot be cancelled",
                                             data: ["taskId": .string(id), "status": .string(Self.mcpStatus(record.status))])
        }
    }

    /// The MCP status of a task: pending and in-progress tasks are both `working`.
    static func mcpStatus(_ status: TaskStatus) -> String {
        switch status {
        case .pending, .inProgress: "working"
        case .completed: "completed"
        case .failed: "failed"
        case .cancelled: "cancelled"
        }
    }

    /// The MCP `Task` object of a record.
    static func taskJSON(_ record: TaskRecord) -> JSONObject {
        var task: JSONObject = [
            "taskId": .string(record.id), "status": .string(mcpStatus(record.status)),
            "createdAt": .string(TaskTime.iso(record.createdAt)), "lastUpdatedAt": .string(TaskTime.iso(record.updatedAt)),
            "ttl": record.ttl.map(JSONValue.integer) ?? .null, "pollInterval": 500,
        ]
        if let message = record.error?.message ?? record.statusMessage { task["statusMessage"] = .string(message) }
        return task
    }
}
