import Store
import JSON
import Runs

/// `agent_thread_get`: a thread's runs in order.
struct AgentThreadGetTool: Tool {
    struct Arguments: ToolArguments {
        var thread_id: String
        static let schema = JSONSchema.object(properties: ["thread_id": RunsInputs.threadID("The thread's id, from a run or agent_thread_list.")],
                                              required: ["thread_id"])
    }

    static let name = "agent_thread_get"
    static let title = "Get a research thread"
    static let description = "Get a research thread: its runs, oldest first, each as agent_run_get returns it (the question a follow-up resolved to is in result.resolved_query)."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.runs
    static let outputSchema: JSONSchema? = JSONSchema.object(properties: [
        "thread_id": .string("The thread's id."), "object": .string("agent.thread", enum: ["agent.thread"]),
        "created_at": .string("When its first run was dispatched."),
        "runs": .array("Its runs, oldest first.", of: RunsOutputs.run),
    ], required: ["thread_id", "object", "created_at", "runs"])

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let (thread, runs) = try context.environment.runs().thread(arguments.thread_id)
        return .structured(["thread_id": .string(thread.id), "object": "agent.thread", "created_at": .string(thread.createdAt),
                            "runs": .array(runs.map { .object($0.json) })])
    }
}
