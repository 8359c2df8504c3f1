import Store
import Runs

/// `agent_run_get`: one run as it stands (GET /v1/agent/runs/{run_id}).
struct AgentRunGetTool: Tool {
    struct Arguments: ToolArguments {
        var run_id: String
        static let schema = JSONSchema.object(properties: ["run_id": RunsInputs.runID], required: ["run_id"])
    }

    static let name = "agent_run_get"
    static let title = "Get a research run"
    static let description = """
        Get a research run: status queued, running, completed or failed; on completed the result (a markdown answer, \
        the cards and web results it cites, request_id, and whether the host's model or the local engine wrote the \
        prose); on failed the error {code, message} (cancelled, source_unavailable, interrupted by a restart…).
        """
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.runs
    static let outputSchema: JSONSchema? = RunsOutputs.run

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try context.environment.runs().run(arguments.run_id).json)
    }
}
