import Store

/// `request_offers`: every offer on one request (GET /api/requests/:requestId/offers).
struct RequestOffersTool: MarketplaceQueryTool {
    struct Arguments: ToolArguments {
        var request_id: String
        static let schema = JSONSchema.object(properties: ["request_id": MarketplaceInputs.id(.request, "The request's id")], required: ["request_id"])
    }

    static let name = "request_offers"
    static let title = "Offers on a request"
    static let description = "Get every offer on one request, in the order they came in, with price, terms and status (pending, accepted, rejected)."
    static let outputSchema: JSONSchema? = .object(properties: [
        "request_id": .string("The request."),
        "offers": .array("Its offers, oldest first.", of: MarketplaceOutputs.offer),
    ], required: ["request_id", "offers"])

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let offers = try context.environment.marketplace.offers(onRequest: arguments.request_id)
        return .structured(["request_id": .string(arguments.request_id), "offers": .array(offers.map { .object($0.json) })])
    }
}
