import Store
import JSON
import Tasks

/// `knowledge_search_status`: where a deep search task stands, its events and, when done, its cards.
struct KnowledgeSearchStatusTool: Tool {
    struct Arguments: ToolArguments {
        var task_id: String
        var since_index: Int?

        static let schema = JSONSchema.object(properties: [
            "task_id": .string("The task_id knowledge_search returned.", minLength: 1, maxLength: 64),
            "since_index": .integer("Return only events with id at or after this (the last id you saw + 1); default 0.", in: 0...1_000_000, default: 0),
        ], required: ["task_id"])
    }

    static let name = "knowledge_search_status"
    static let title = "Poll a deep knowledge search"
    static let description = """
        Get the status of a deep knowledge search started by knowledge_search: pending, in_progress, completed, \
        failed or cancelled, with its progress events after since_index and, once completed, the result with \
        knowledge_cards (failed: the error). Poll every second or so; pass since_index = last event id + 1.
        """
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.knowledge
    static let outputSchema: JSONSchema? = KnowledgeSchemas.statusOutput

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let manager = try context.environment.taskManager()
        guard let record = try manager.record(arguments.task_id), record.kind == DeepSearchJob.kind || record.kind == "tool:knowledge_search" else {
            throw ToolFailure(code: .notFound,
                              message: "no knowledge search task \(arguments.task_id); it may have expired (tasks are kept for a day). Start the search again with knowledge_search.",
                              details: ["entity": "task", "id": .string(arguments.task_id), "field": "task_id"])
        }
        let events = try manager.events(record.id, since: arguments.since_index ?? 0)
        var answer: JSONObject = [
            "task_id": .string(record.id), "status": .string(record.status.rawValue), "created_at": .string(TaskTime.iso(record.createdAt)),
            "updated_at": .string(TaskTime.iso(record.updatedAt)),
            "events": .array(events.map { event in
                var data: JSONObject = ["event_type": .string(event.type), "message": .string(event.message)]
                if let progress = event.progress { data["progress"] = .number(progress) }
                if let total = event.total { data["total"] = .number(total) }
                return .object(["id": .integer(Int64(event.id)), "data": .object(data)])
            }),
        ]
        if let result = record.result {
            answer["result"] = result["structuredContent"] ?? .object(result)
        }
        if let error = record.error {
            answer["error"] = ["code": .string(error.code), "message": .string(error.message)]
        }
        return .structured(answer)
    }
}
