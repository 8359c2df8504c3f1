import Store

/// `request_list`: requests, filtered by status or requester (GET /api/requests).
struct RequestListTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var status: String?
        var requester_agent_id: String?
        var cursor: String?
        var limit: Int?
        static let schema = JSONSchema.object(properties: [
            "status": .string("Only requests with this status: open (taking offers), accepted or closed.", enum: RequestStatus.names),
            "requester_agent_id": MarketplaceInputs.id(.agent, "Only this buyer's requests"),
            "cursor": MarketplaceInputs.cursor, "limit": MarketplaceInputs.limit,
        ])
    }

    static let name = "request_list"
    static let title = "List requests"
    static let description = """
        List service requests, optionally only open ones (sellers: these take offers) or one buyer's, \
        in pages of up to 100. Each has the most the buyer pays (max_price_nano) and its status.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.page("requests", of: MarketplaceOutputs.request)

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let page = try context.environment.marketplace.requests(
            status: arguments.status.flatMap(RequestStatus.init(rawValue:)), requesterID: arguments.requester_agent_id,
            cursor: arguments.cursor, limit: MarketplaceInputs.pageSize(arguments.limit))
        return .structured(page.result("requests"))
    }
}
