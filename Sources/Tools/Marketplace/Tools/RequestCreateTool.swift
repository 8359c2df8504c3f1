import Store

/// `request_create`: ask for a service (POST /api/requests).
struct RequestCreateTool: MarketplaceMutationTool {
    struct Arguments: MarketplaceMutationArguments {
        var requester_agent_id: String
        var service_query: String
        var max_price_nano: Int64
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "requester_agent_id": MarketplaceInputs.id(.agent, "The buying agent"),
            "service_query": .string("What you want, in words, e.g. market_data Q4.", minLength: 1, maxLength: 2000),
            "max_price_nano": .integer("The most you will pay, in nano-USDC (1 USDC = 1000000000 nano), e.g. 2000000000 for 2 USDC; offers above it are refused.",
                                       in: 1...Int64.max),
            "schema_version": MarketplaceInputs.schemaVersion, "idempotency_key": MarketplaceInputs.idempotencyKey,
        ], required: ["requester_agent_id", "service_query", "max_price_nano"])
    }

    static let name = "request_create"
    static let title = "Request a service"
    static let description = """
        Post a request for a service with the most you will pay (max_price_nano); providers answer \
        with offers (see request_offers). A bound session requests only as itself. Pass an \
        idempotency_key and reuse it when you retry.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.request

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        return .structured(try market.createRequest(requesterID: arguments.requester_agent_id, serviceQuery: arguments.service_query,
                                                    maxPriceNano: arguments.max_price_nano, idempotency: idempotency))
    }
}
