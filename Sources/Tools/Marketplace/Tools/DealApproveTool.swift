import Store

/// `deal_approve`: the approval gate (POST /api/deals/:dealId/approve).
struct DealApproveTool: Tool {
    struct Arguments: MarketplaceMutationArguments {
        var deal_id: String
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "deal_id": MarketplaceInputs.id(.deal, "The deal awaiting approval"),
            "schema_version": MarketplaceInputs.schemaVersion, "idempotency_key": MarketplaceInputs.idempotencyKey,
        ], required: ["deal_id"])
    }

    static let name = "deal_approve"
    static let title = "Approve a deal"
    static let description = """
        Approve a deal awaiting approval, as its payer; a deal must be approved before it executes. \
        When this server requires a person's approval, this call cannot approve: it returns the \
        command the person must run (tak-mcp deals approve DEAL_ID); tell them, do not retry. Pass \
        an idempotency_key and reuse it when you retry.
        """
    static let annotations = ToolAnnotations.marketplaceChange(destructive: false)
    static let toolset = Toolset.marketplace
    static let outputSchema: JSONSchema? = MarketplaceOutputs.deal

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let market = context.environment.marketplace
        let idempotency = try arguments.idempotency(for: Self.name, actor: market.actor)
        return .structured(try market.approveDeal(dealID: arguments.deal_id, idempotency: idempotency))
    }
}
