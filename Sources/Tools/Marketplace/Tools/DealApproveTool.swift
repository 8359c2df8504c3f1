import Store

/// `deal_approve`: the approval gate (POST /api/deals/:dealId/approve).
struct DealApproveTool: MarketplaceMutationTool {
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
        When this server requires a person's approval, the person is asked through the client when \
        it can ask; otherwise this call cannot approve and returns the command the person must run \
        (tak-mcp deals approve DEAL_ID): tell them, do not retry. Pass \
        an idempotency_key and reuse it when you retry.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.deal

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        switch try market.approveDeal(dealID: arguments.deal_id, idempotency: idempotency) {
        case .approved(let deal):
            return .structured(deal)
        case .needsPerson(let deal):
            // Human mode: ask the person through the client; only their "approve" approves.
            guard context.elicitation.isSupported else { throw HumanApproval.required(for: deal) }
            let question = HumanApproval.question(for: deal)
            let answer: Elicitation.Answer
            do {
                answer = try await context.elicitation.ask(question.message, schema: JSONSchema(.object(question.requestedSchema)))
            } catch is ElicitationUnavailable {
                throw HumanApproval.required(for: deal)
            }
            guard case .accept(let content) = answer, content["approve"] == true else {
                throw ToolFailure(code: .permissionDenied,
                                  message: "the person did not approve deal \(arguments.deal_id); do not retry unless they ask you to",
                                  details: ["action": "approve_deal", "approval_mode": "human", "deal_id": .string(arguments.deal_id)])
            }
            context.log(.info, "deal \(arguments.deal_id) approved by the person through elicitation")
            return .structured(try market.approveAsPerson(dealID: arguments.deal_id))
        }
    }
}
