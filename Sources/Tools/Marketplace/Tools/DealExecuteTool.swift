import Store

/// `deal_execute`: pay and complete an approved deal (POST /api/deals/:dealId/execute).
struct DealExecuteTool: MarketplaceMutationTool {
    struct Arguments: MarketplaceMutationArguments {
        var deal_id: String
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "deal_id": MarketplaceInputs.id(.deal, "The approved deal"),
            "schema_version": MarketplaceInputs.schemaVersion,
            "idempotency_key": .string("Required. A unique string for this execution (a UUID is fine); if the call fails or times out, retry with the SAME key: the deal is paid at most once and you get the first result.",
                                       minLength: 1, maxLength: 255),
        ], required: ["deal_id", "idempotency_key"])
    }

    static let name = "deal_execute"
    static let title = "Execute a deal"
    static let description = """
        Execute an approved deal as its payer: the payer's wallet signs an EIP-3009 USDC transfer of \
        the deal amount to the payee and the sandbox ledger applies it; the deal becomes executed with \
        an execution_receipt. If the payer or payee has no wallet or the balance is too low, the deal \
        becomes failed with the reason and no money moves. idempotency_key is required: reuse it when \
        you retry, so the deal is never paid twice.
        """
    static let destructive = true
    static let outputSchema: JSONSchema? = MarketplaceOutputs.deal

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        let deal = try market.executeDeal(dealID: arguments.deal_id, idempotency: idempotency)
        var output = ToolOutput.structured(deal)
        if deal["status"] == "failed" {
            let reason = deal["failure"]?["message"]?.stringValue ?? "the payment was refused"
            output.content.insert(["type": "text", "text": .string("Deal \(arguments.deal_id) failed and no money moved: \(reason).")], at: 0)
            context.log(.warning, "deal \(arguments.deal_id) failed: \(reason)")
        }
        return output
    }
}
