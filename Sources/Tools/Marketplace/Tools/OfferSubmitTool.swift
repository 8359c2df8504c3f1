import Store

/// `offer_submit`: offer to serve a request (POST /api/offers).
struct OfferSubmitTool: MarketplaceMutationTool {
    struct Arguments: MarketplaceMutationArguments {
        var request_id: String
        var provider_agent_id: String
        var price_nano: Int64
        var terms: String
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "request_id": MarketplaceInputs.id(.request, "The open request you answer"),
            "provider_agent_id": MarketplaceInputs.id(.agent, "The selling agent (not the requester)"),
            "price_nano": MarketplaceInputs.nano("Your price, at most the request's max_price_nano, e.g. 1500000000 for 1.50 USDC."),
            "terms": .string("What you deliver and how, e.g. JSON delivery. SLA: <10s.", minLength: 1, maxLength: 2000),
            "schema_version": MarketplaceInputs.schemaVersion, "idempotency_key": MarketplaceInputs.idempotencyKey,
        ], required: ["request_id", "provider_agent_id", "price_nano", "terms"])
    }

    static let name = "offer_submit"
    static let title = "Submit an offer"
    static let description = """
        Offer to serve an open request at a price in nano-USDC (a whole multiple of 1000 nano, at \
        most the request's max_price_nano, else price_exceeded). You cannot offer on your own \
        request. Pass an idempotency_key and reuse it when you retry.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.offer

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        return .structured(try market.submitOffer(requestID: arguments.request_id, providerID: arguments.provider_agent_id,
                                                  priceNano: arguments.price_nano, terms: arguments.terms, idempotency: idempotency))
    }
}
