import Store
import JSON

extension Marketplace {
    /// Sends a message on a deal from one of its parties.
    func sendMessage(dealID: String, senderID: String, content: String, idempotency: IdempotencyRequest) throws -> JSONObject {
        if let denial = Permissions.actAs(senderID, field: "sender_agent_id", action: "send messages", actor: actor) { throw denial }
        return try mutate(idempotency) { change in
            let deal = try change.transaction.deal(dealID)
            if let denial = Permissions.sendMessage(sender: senderID, terms: deal.terms, actor: actor) { throw denial }
            let message = MessageRecord(id: try change.newID(.message, in: MarketplaceCollections.messages), dealID: dealID,
                                        senderAgentID: senderID, content: content, timestamp: change.now)
            try change.add(message)
            return message.json
        }
    }

    /// A deal's messages, oldest first, a page at a time; for its parties or an operator.
    /// The cursor is the number of messages already seen.
    func messages(dealID: String, cursor: String?, limit: Int) throws -> MarketplacePage {
        try messages(of: try deal(dealID), cursor: cursor, limit: limit)
    }

    /// `messages(dealID:cursor:limit:)` for a deal already read.
    func messages(of deal: DealRecord, cursor: String?, limit: Int) throws -> MarketplacePage {
        try Self.guarded {
            if let denial = Permissions.readMessages(deal.terms, actor: actor) { throw denial }
            let ids = try store.messageIDs(ofDeal: deal.terms.id)
            var start = 0
            if let cursor {
                guard let offset = Int(cursor), (0...ids.count).contains(offset) else { throw MarketplacePage.badCursor(cursor) }
                start = offset
            }
            let end = min(ids.count, start + limit)
            let items = try ids[start..<end].map { try store.message($0).json }
            return MarketplacePage(items: items, nextCursor: end < ids.count ? String(end) : nil)
        }
    }
}
