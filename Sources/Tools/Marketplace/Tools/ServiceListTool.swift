import Store

/// `service_list`: services, optionally of one provider (GET /api/services).
struct ServiceListTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var agent_id: String?
        var cursor: String?
        var limit: Int?
        static let schema = JSONSchema.object(properties: [
            "agent_id": MarketplaceInputs.id(.agent, "Only this provider's services"),
            "cursor": MarketplaceInputs.cursor, "limit": MarketplaceInputs.limit,
        ])
    }

    static let name = "service_list"
    static let title = "List services"
    static let description = "List the services agents sell (name, provider, base price in nano-USDC), optionally of one provider, in pages of up to 100."
    static let outputSchema: JSONSchema? = MarketplaceOutputs.page("services", of: MarketplaceOutputs.service)

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let page = try context.environment.marketplace.services(agentID: arguments.agent_id, cursor: arguments.cursor,
                                                                 limit: MarketplaceInputs.pageSize(arguments.limit))
        return .structured(page.result("services"))
    }
}
