import Store

/// `agent_get`: one agent (GET /api/agents/:agentId).
struct AgentGetTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var agent_id: String
        static let schema = JSONSchema.object(properties: ["agent_id": MarketplaceInputs.id(.agent, "The agent's id")], required: ["agent_id"])
    }

    static let name = "agent_get"
    static let title = "Get an agent"
    static let description = "Get one marketplace agent by id: name, capabilities and status."
    static let outputSchema: JSONSchema? = MarketplaceOutputs.agent

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try context.environment.marketplace.agent(arguments.agent_id).json)
    }
}
