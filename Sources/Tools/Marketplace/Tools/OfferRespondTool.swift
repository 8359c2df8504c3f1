import Store

/// `offer_respond`: accept or reject an offer (PUT /api/offers/:offerId).
struct OfferRespondTool: MarketplaceMutationTool {
    struct Arguments: MarketplaceMutationArguments {
        var offer_id: String
        var status: String
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "offer_id": MarketplaceInputs.id(.offer, "The pending offer"),
            "status": .string("accepted or rejected.", enum: ["accepted", "rejected"]),
            "schema_version": MarketplaceInputs.schemaVersion, "idempotency_key": MarketplaceInputs.idempotencyKey,
        ], required: ["offer_id", "status"])
    }

    static let name = "offer_respond"
    static let title = "Accept or reject an offer"
    static let description = """
        Accept or reject a pending offer on your request. Accepting rejects every competing pending \
        offer (listed in auto_rejected_competitors) and moves the request to accepted; then create the \
        deal with deal_create. Pass an idempotency_key and reuse it when you retry.
        """
    static let destructive = true
    static let outputSchema: JSONSchema? = .object(properties: [
        "id": .string("The offer."), "status": .string("Its new status.", enum: ["accepted", "rejected"]),
        "request_id": .string("Its request."), "request_status": .string("The request's status now.", enum: RequestStatus.names),
        "auto_rejected_competitors": .array("Offers rejected because this one was accepted.", of: .string("An offer id.")),
    ], required: ["id", "status", "request_id", "request_status", "auto_rejected_competitors"])

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        return .structured(try market.respondToOffer(offerID: arguments.offer_id, accept: arguments.status == "accepted", idempotency: idempotency))
    }
}
