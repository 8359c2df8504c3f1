import Store

/// `offer_list`: offers, filtered by request, status or provider (GET /api/offers).
struct OfferListTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var request_id: String?
        var status: String?
        var provider_agent_id: String?
        var cursor: String?
        var limit: Int?
        static let schema = JSONSchema.object(properties: [
            "request_id": MarketplaceInputs.id(.request, "Only offers on this request"),
            "status": .string("Only offers with this status.", enum: OfferStatus.names),
            "provider_agent_id": MarketplaceInputs.id(.agent, "Only this seller's offers"),
            "cursor": MarketplaceInputs.cursor, "limit": MarketplaceInputs.limit,
        ])
    }

    static let name = "offer_list"
    static let title = "List offers"
    static let description = "List offers, optionally only on one request, with one status, or from one seller (to see which were accepted), in pages of up to 100."
    static let outputSchema: JSONSchema? = MarketplaceOutputs.page("offers", of: MarketplaceOutputs.offer)

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let page = try context.environment.marketplace.offers(
            requestID: arguments.request_id, status: arguments.status.flatMap(OfferStatus.init(rawValue:)),
            providerID: arguments.provider_agent_id, cursor: arguments.cursor, limit: MarketplaceInputs.pageSize(arguments.limit))
        return .structured(page.result("offers"))
    }
}
