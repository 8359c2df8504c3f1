import Store
import Crypto

/// One marketplace change in progress: typed reads and writes over a store transaction, with
/// the time and randomness of the call.
struct MarketplaceTransaction {
    /// The store transaction; everything written through it commits together.
    let transaction: Transaction
    /// The call's time, RFC 3339.
    let now: String
    /// Randomness for ids.
    let random: RandomBytes

    /// A new id of `kind` not yet used in `collection`.
    func newID(_ kind: MarketplaceID, in collection: String) throws -> String {
        while true {
            let id = try kind.make(using: random)
            if !transaction.contains(collection: collection, id: id) { return id }
        }
    }

    /// Stores `agent`.
    func put(_ agent: AgentRecord) throws {
        try transaction.put(collection: MarketplaceCollections.agents, id: agent.id, value: .object(agent.json))
    }

    /// Stores `service`.
    func put(_ service: ServiceRecord) throws {
        try transaction.put(collection: MarketplaceCollections.services, id: service.id, value: .object(service.json))
    }

    /// Stores `request`.
    func put(_ request: RequestRecord) throws {
        try transaction.put(collection: MarketplaceCollections.requests, id: request.id, value: .object(request.json))
    }

    /// Stores `offer`.
    func put(_ offer: OfferRecord) throws {
        try transaction.put(collection: MarketplaceCollections.offers, id: offer.id, value: .object(offer.json))
    }

    /// Stores `deal`.
    func put(_ deal: DealRecord) throws {
        try transaction.put(collection: MarketplaceCollections.deals, id: deal.terms.id, value: .object(deal.json))
    }

    /// Stores `message` and lists it under its deal.
    func add(_ message: MessageRecord) throws {
        try transaction.put(collection: MarketplaceCollections.messages, id: message.id, value: .object(message.json))
        let ids = try transaction.messageIDs(ofDeal: message.dealID) + [message.id]
        try transaction.put(collection: MarketplaceCollections.dealMessages, id: message.dealID,
                            value: ["message_ids": .array(ids.map { .string($0) })])
    }

    /// Changes the links of request `id`.
    func updateLinks(ofRequest id: String, _ change: (inout RequestLinks) -> Void) throws {
        var links = try transaction.links(ofRequest: id)
        change(&links)
        try transaction.put(collection: MarketplaceCollections.requestLinks, id: id, value: links.json)
    }

    /// Re-derives the status of `request` from its offers and deals (with `changed` standing in
    /// for its stored version) and stores it if it changed. Returns the request as it now is.
    @discardableResult
    func refreshStatus(of request: RequestRecord, changed: DealRecord? = nil) throws -> RequestRecord {
        let links = try transaction.links(ofRequest: request.id)
        var states: [DealState] = []
        for id in links.dealIDs {
            if let changed, changed.terms.id == id {
                states.append(changed.status)
            } else {
                states.append(try transaction.deal(id).status)
            }
        }
        var accepted = false
        for id in links.offerIDs where try transaction.offer(id).status == .accepted {
            accepted = true
            break
        }
        var updated = request
        updated.status = RequestStatus.derive(hasAcceptedOffer: accepted, dealStates: states)
        if updated.status != request.status { try put(updated) }
        return updated
    }
}
