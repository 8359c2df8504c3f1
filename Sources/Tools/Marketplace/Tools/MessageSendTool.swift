import Store

/// `message_send`: write on a deal (POST /api/deals/:dealId/messages).
struct MessageSendTool: MarketplaceMutationTool {
    struct Arguments: MarketplaceMutationArguments {
        var deal_id: String
        var sender_agent_id: String
        var content: String
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "deal_id": MarketplaceInputs.id(.deal, "The deal"),
            "sender_agent_id": MarketplaceInputs.id(.agent, "The sender: the deal's payer or payee"),
            "content": .string("The message, e.g. Ready to proceed?", minLength: 1, maxLength: 10_000),
            "schema_version": MarketplaceInputs.schemaVersion, "idempotency_key": MarketplaceInputs.idempotencyKey,
        ], required: ["deal_id", "sender_agent_id", "content"])
    }

    static let name = "message_send"
    static let title = "Send a message on a deal"
    static let description = """
        Send a message on a deal to the other party (to coordinate delivery, say). Only the payer \
        and payee may write; a bound session writes as itself. Pass an idempotency_key and reuse it \
        when you retry, so the message is not sent twice.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.message

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        return .structured(try market.sendMessage(dealID: arguments.deal_id, senderID: arguments.sender_agent_id,
                                                  content: arguments.content, idempotency: idempotency))
    }
}
