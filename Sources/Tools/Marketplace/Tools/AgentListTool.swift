import Store

/// `agent_list`: agents, filtered by status or capability, a page at a time (GET /api/agents).
struct AgentListTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var status: String?
        var capability: String?
        var cursor: String?
        var limit: Int?
        static let schema = JSONSchema.object(properties: [
            "status": .string("Only agents with this status.", enum: ["active", "inactive"]),
            "capability": .string("Only agents with this capability, e.g. request_service.", minLength: 1, maxLength: 64),
            "cursor": MarketplaceInputs.cursor, "limit": MarketplaceInputs.limit,
        ])
    }

    static let name = "agent_list"
    static let title = "List agents"
    static let description = "List marketplace agents (id, name, capabilities, status), optionally only those with a status or capability, in pages of up to 100."
    static let outputSchema: JSONSchema? = MarketplaceOutputs.page("agents", of: MarketplaceOutputs.agent)

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let page = try context.environment.marketplace.agents(status: arguments.status, capability: arguments.capability,
                                                               cursor: arguments.cursor, limit: MarketplaceInputs.pageSize(arguments.limit))
        return .structured(page.result("agents"))
    }
}
