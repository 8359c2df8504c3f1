import Store
import Runs

/// `agent_run_wait`: waits for a run to end, with progress notifications, for hosts that cannot poll well.
struct AgentRunWaitTool: Tool {
    struct Arguments: ToolArguments {
        var run_id: String
        var timeout_s: Int?
        static let schema = JSONSchema.object(properties: [
            "run_id": RunsInputs.runID,
            "timeout_s": .integer("The most seconds to wait, 1-600 (default 60); the run goes on after a timeout.", in: 1...600, default: 60),
        ], required: ["run_id"])
    }

    static let name = "agent_run_wait"
    static let title = "Wait for a research run"
    static let description = """
        Wait until a research run is completed or failed, or until timeout_s passes, and return the run as \
        agent_run_get does. Sends notifications/progress for each step when the call carries a progressToken. \
        A run still queued or running after the timeout goes on; wait again or poll agent_run_get.
        """
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.runs
    static let outputSchema: JSONSchema? = RunsOutputs.run

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let run = try await context.environment.runs().wait(arguments.run_id, timeout: .seconds(arguments.timeout_s ?? 60),
                                                            progress: context.progress)
        return .structured(run.json)
    }
}
