import Store

/// `deal_get`: one deal with its history (GET /api/deals/:dealId).
struct DealGetTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var deal_id: String
        static let schema = JSONSchema.object(properties: ["deal_id": MarketplaceInputs.id(.deal, "The deal's id")], required: ["deal_id"])
    }

    static let name = "deal_get"
    static let title = "Get a deal"
    static let description = """
        Get one deal: the terms agreed when it was created (never changed afterwards), its state, \
        approval and execution times, the execution receipt, and its full history.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.deal

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try context.environment.marketplace.deal(arguments.deal_id).json)
    }
}
