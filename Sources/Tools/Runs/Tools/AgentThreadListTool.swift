import Store
import JSON
import Runs

/// `agent_thread_list`: research threads, oldest first, in pages.
struct AgentThreadListTool: Tool {
    struct Arguments: ToolArguments {
        var cursor: String?
        var limit: Int?
        static let schema = JSONSchema.object(properties: ["cursor": RunsInputs.cursor, "limit": RunsInputs.limit])
    }

    static let name = "agent_thread_list"
    static let title = "List research threads"
    static let description = "List research threads, oldest first, with their run ids and first and latest questions, in pages of up to 100."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.runs
    static let outputSchema: JSONSchema? = JSONSchema.object(properties: [
        "threads": .array("The threads of this page.", of: RunsOutputs.threadSummary),
        "next_cursor": .string("Pass as cursor for the next page; null on the last page.").nullable,
    ], required: ["threads", "next_cursor"])

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let service = try context.environment.runs()
        let (threads, next) = try service.threads(after: arguments.cursor, limit: arguments.limit ?? 50)
        let items: [JSONValue] = try threads.map { thread in
            var object: JSONObject = ["thread_id": .string(thread.id), "object": "agent.thread", "created_at": .string(thread.createdAt),
                                      "run_count": .integer(Int64(thread.runIDs.count)), "run_ids": .array(thread.runIDs.map { .string($0) })]
            if let first = try thread.runIDs.first.flatMap(service.runRecord) { object["first_query"] = .string(first.request.query) }
            if let last = try thread.runIDs.last.flatMap(service.runRecord) { object["last_query"] = .string(last.request.query) }
            return .object(object)
        }
        return .structured(["threads": .array(items), "next_cursor": next.map { .string($0) } ?? .null])
    }
}
