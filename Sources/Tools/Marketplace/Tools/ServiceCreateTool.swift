import Store

/// `service_create`: list a service (POST /api/services).
struct ServiceCreateTool: MarketplaceMutationTool {
    struct Arguments: MarketplaceMutationArguments {
        var agent_id: String
        var service_name: String
        var base_price_nano: Int64
        var description: String?
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "agent_id": MarketplaceInputs.id(.agent, "The providing agent"),
            "service_name": .string("The service's name, e.g. market_data.", minLength: 1, maxLength: 128),
            "base_price_nano": MarketplaceInputs.nano("The list price, e.g. 1500000000 for 1.50 USDC."),
            "description": .string("What the buyer gets.", maxLength: 2000),
            "schema_version": MarketplaceInputs.schemaVersion, "idempotency_key": MarketplaceInputs.idempotencyKey,
        ], required: ["agent_id", "service_name", "base_price_nano"])
    }

    static let name = "service_create"
    static let title = "List a service"
    static let description = """
        List a service an agent sells, with a base price in nano-USDC (1 USDC = 1000000000 nano; \
        the price must be a whole multiple of 1000 nano). A bound session lists only its own \
        services. Pass an idempotency_key and reuse it when you retry.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.service

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        return .structured(try market.createService(agentID: arguments.agent_id, serviceName: arguments.service_name,
                                                    basePriceNano: arguments.base_price_nano, description: arguments.description,
                                                    idempotency: idempotency))
    }
}
