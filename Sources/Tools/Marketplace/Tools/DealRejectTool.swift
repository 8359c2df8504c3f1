import Store

/// `deal_reject`: cancel a deal before approval (POST /api/deals/:dealId/reject).
struct DealRejectTool: MarketplaceMutationTool {
    struct Arguments: MarketplaceMutationArguments {
        var deal_id: String
        var reason: String?
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "deal_id": MarketplaceInputs.id(.deal, "The deal awaiting approval"),
            "reason": .string("Why, for the history.", maxLength: 500),
            "schema_version": MarketplaceInputs.schemaVersion, "idempotency_key": MarketplaceInputs.idempotencyKey,
        ], required: ["deal_id"])
    }

    static let name = "deal_reject"
    static let title = "Reject a deal"
    static let description = """
        Reject (cancel) a deal that is still awaiting approval, as its payer; an approved deal can no \
        longer be rejected. The request closes when none of its deals is left. Pass an \
        idempotency_key and reuse it when you retry.
        """
    static let destructive = true
    static let outputSchema: JSONSchema? = MarketplaceOutputs.deal

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        return .structured(try market.rejectDeal(dealID: arguments.deal_id, reason: arguments.reason, idempotency: idempotency))
    }
}
