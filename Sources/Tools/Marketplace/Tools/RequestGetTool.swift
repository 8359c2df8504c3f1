import Store

/// `request_get`: one request (GET /api/requests/:requestId).
struct RequestGetTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var request_id: String
        static let schema = JSONSchema.object(properties: ["request_id": MarketplaceInputs.id(.request, "The request's id")], required: ["request_id"])
    }

    static let name = "request_get"
    static let title = "Get a request"
    static let description = """
        Get one service request; its status is open while it takes offers, accepted once an offer \
        was accepted, and closed once a deal on it was executed or every deal on it was cancelled or failed.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.request

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try context.environment.marketplace.request(arguments.request_id).json)
    }
}
