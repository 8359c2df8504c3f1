import Store

/// `deal_create`: a deal from an accepted offer (POST /api/deals).
struct DealCreateTool: MarketplaceMutationTool {
    struct Arguments: MarketplaceMutationArguments {
        var request_id: String
        var offer_id: String
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "request_id": MarketplaceInputs.id(.request, "The request"),
            "offer_id": MarketplaceInputs.id(.offer, "Its accepted offer"),
            "schema_version": MarketplaceInputs.schemaVersion, "idempotency_key": MarketplaceInputs.idempotencyKey,
        ], required: ["request_id", "offer_id"])
    }

    static let name = "deal_create"
    static let title = "Create a deal"
    static let description = """
        Create a deal from an accepted offer: a fixed snapshot of request, offer, price and parties, \
        in state awaiting_approval. Next the payer approves it (deal_approve) and executes it \
        (deal_execute). Pass an idempotency_key and reuse it when you retry.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.deal

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        return .structured(try market.createDeal(requestID: arguments.request_id, offerID: arguments.offer_id, idempotency: idempotency))
    }
}
