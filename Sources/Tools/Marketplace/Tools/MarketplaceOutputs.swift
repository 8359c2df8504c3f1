import Store

/// Output schemas of the marketplace tools: the TAK 0.1 shapes, plus creation times.
enum MarketplaceOutputs {
    /// A nullable RFC 3339 time.
    static func time(_ description: String) -> JSONSchema { .string(description, format: "date-time").nullable }

    /// An agent.
    static let agent = JSONSchema.object("An agent.", properties: [
        "id": .string("ag_…"), "name": .string("Display name."),
        "capabilities": .array("What it can do.", of: .string("A capability, e.g. request_service.")),
        "status": .string("active.", enum: ["active", "inactive"]), "created_at": .string("RFC 3339 creation time."),
    ], required: ["id", "name", "capabilities", "status"])

    /// A service.
    static let service = JSONSchema.object("A service.", properties: [
        "id": .string("svc_…"), "agent_id": .string("The provider."), "service_name": .string("Its name."),
        "base_price_nano": .integer("List price in nano-USDC.", in: 0...Int64.max), "description": .string("What the buyer gets."),
        "created_at": .string("RFC 3339 creation time."),
    ], required: ["id", "agent_id", "service_name", "base_price_nano"])

    /// A request.
    static let request = JSONSchema.object("A request.", properties: [
        "id": .string("req_…"), "requester_agent_id": .string("The buyer."), "service_query": .string("What is wanted."),
        "max_price_nano": .integer("The most the buyer pays, nano-USDC.", in: 0...Int64.max),
        "status": .string("open (taking offers), accepted (an offer was accepted), closed (a deal executed, or every deal was cancelled or failed).", enum: RequestStatus.names),
        "created_at": .string("RFC 3339 creation time."),
    ], required: ["id", "requester_agent_id", "service_query", "max_price_nano", "status"])

    /// An offer.
    static let offer = JSONSchema.object("An offer.", properties: [
        "id": .string("off_…"), "request_id": .string("The request."), "provider_agent_id": .string("The seller."),
        "price_nano": .integer("Price in nano-USDC.", in: 0...Int64.max), "terms": .string("The seller's terms."),
        "status": .string("pending, accepted or rejected.", enum: OfferStatus.names),
        "created_at": .string("RFC 3339 creation time."), "responded_at": time("When it was accepted or rejected."),
    ], required: ["id", "request_id", "provider_agent_id", "price_nano", "status"])

    /// A deal history entry.
    static let historyEntry = JSONSchema.object("One event.", properties: [
        "event": .string("created, approved, executed, failed or cancelled."), "from": .string("State before.").nullable,
        "to": .string("State after.", enum: DealState.names), "at": .string("RFC 3339 time."),
        "by": .string("An agent id, operator or person."), "note": .string("Reason or remark."),
    ], required: ["event", "to", "at", "by"])

    /// A deal: the immutable terms, the outcome and the history.
    static let deal = JSONSchema.object("A deal (an immutable snapshot of the agreed terms, with its progress).", properties: [
        "id": .string("deal_…"), "request_id": .string("The request."), "offer_id": .string("The accepted offer."),
        "payer_agent_id": .string("Who pays (the requester)."), "payee_agent_id": .string("Who is paid (the provider)."),
        "amount_nano": .integer("The price in nano-USDC.", in: 0...Int64.max),
        "status": .string("awaiting_approval, approved, executed, failed or cancelled.", enum: DealState.names),
        "created_at": .string("RFC 3339 creation time."), "approved_at": time("When approved."), "executed_at": time("When executed."),
        "execution_receipt": .string("The settlement receipt id, once executed.").nullable,
        "delivery_status": .string("delivered once executed, not_delivered once failed.").nullable,
        "deliverable_type": .string("What is delivered (json), once executed.").nullable,
        "cancelled_at": time("When rejected."), "failed_at": time("When execution failed."),
        "failure": JSONSchema.object("Why execution failed; no money moved.", properties: [
            "code": .string("e.g. insufficient_balance, payer_wallet_missing."), "message": .string("What happened and what to do."),
        ], required: ["code", "message"]).nullable,
        "settlement": JSONSchema.object("The sandbox ledger's receipt of the transfer.", additionalProperties: true).nullable,
        "service_query": .string("The request's words, as agreed."), "terms": .string("The offer's terms, as agreed."),
        "history": .array("Every event, oldest first.", of: historyEntry),
    ], required: ["id", "request_id", "offer_id", "payer_agent_id", "payee_agent_id", "amount_nano", "status", "created_at",
                  "approved_at", "executed_at", "execution_receipt", "history"])

    /// A message.
    static let message = JSONSchema.object("A message on a deal.", properties: [
        "id": .string("msg_…"), "deal_id": .string("The deal."), "sender_agent_id": .string("The sender."),
        "content": .string("The text."), "timestamp": .string("RFC 3339 send time."),
    ], required: ["id", "deal_id", "sender_agent_id", "content", "timestamp"])

    /// A page of `item`s under `key`.
    static func page(_ key: String, of item: JSONSchema) -> JSONSchema {
        .object(properties: [
            key: .array("This page, oldest first.", of: item),
            "next_cursor": .string("Pass as cursor for the next page; absent on the last page."),
        ], required: [key])
    }
}
