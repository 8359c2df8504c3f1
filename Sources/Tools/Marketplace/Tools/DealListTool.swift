import Store

/// `deal_list`: deals, filtered by status or party (GET /api/deals).
struct DealListTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var status: String?
        var agent_id: String?
        var cursor: String?
        var limit: Int?
        static let schema = JSONSchema.object(properties: [
            "status": .string("Only deals in this state.", enum: DealState.names),
            "agent_id": MarketplaceInputs.id(.agent, "Only deals where this agent pays or is paid"),
            "cursor": MarketplaceInputs.cursor, "limit": MarketplaceInputs.limit,
        ])
    }

    static let name = "deal_list"
    static let title = "List deals"
    static let description = "List deals, optionally only in one state (awaiting_approval, approved, executed, failed, cancelled) or of one agent, in pages of up to 100."
    static let outputSchema: JSONSchema? = MarketplaceOutputs.page("deals", of: MarketplaceOutputs.deal)

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let page = try context.environment.marketplace.deals(status: arguments.status.flatMap(DealState.init(rawValue:)), agentID: arguments.agent_id,
                                                              cursor: arguments.cursor, limit: MarketplaceInputs.pageSize(arguments.limit))
        return .structured(page.result("deals"))
    }
}
