import Store

/// `message_list`: a deal's messages (GET /api/deals/:dealId/messages).
struct MessageListTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var deal_id: String
        var cursor: String?
        var limit: Int?
        static let schema = JSONSchema.object(properties: [
            "deal_id": MarketplaceInputs.id(.deal, "The deal"),
            "cursor": MarketplaceInputs.cursor, "limit": MarketplaceInputs.limit,
        ], required: ["deal_id"])
    }

    static let name = "message_list"
    static let title = "Messages on a deal"
    static let description = "List the messages the two parties of a deal exchanged, oldest first, in pages of up to 100. Only the deal's parties (or an operator) may read them."
    static let outputSchema: JSONSchema? = MarketplaceOutputs.page("messages", of: MarketplaceOutputs.message)

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let page = try context.environment.marketplace.messages(dealID: arguments.deal_id, cursor: arguments.cursor,
                                                                 limit: MarketplaceInputs.pageSize(arguments.limit))
        return .structured(page.result("messages"))
    }
}
