import Store
import JSON

/// Somewhere marketplace records can be read: the store (outside a transaction) or a transaction.
protocol MarketplaceRecords {
    /// The stored value of record `id` in `collection`, or nil.
    func value(in collection: String, id: String) throws -> JSONValue?
}

extension Store: MarketplaceRecords {
    /// The committed value, after catching up with other processes.
    func value(in collection: String, id: String) throws -> JSONValue? { try get(collection: collection, id: id) }
}

extension Transaction: MarketplaceRecords {
    /// The value as this transaction sees it.
    func value(in collection: String, id: String) throws -> JSONValue? { get(collection: collection, id: id) }
}

/// A request's offers and deals, kept beside it so they are found without scanning.
struct RequestLinks: Sendable, Equatable {
    /// Offer ids in submission order.
    var offerIDs: [String] = []
    /// Deal ids in creation order.
    var dealIDs: [String] = []

    /// The stored JSON.
    var json: JSONValue {
        ["offer_ids": .array(offerIDs.map { .string($0) }), "deal_ids": .array(dealIDs.map { .string($0) })]
    }

    /// Reads stored links (none for nil).
    init(json: JSONValue?) {
        offerIDs = json?["offer_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        dealIDs = json?["deal_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

extension MarketplaceRecords {
    /// Reads and decodes a record; `not_found` naming `field` when missing, `internal_error` when damaged.
    private func load<T>(_ collection: String, _ entity: String, id: String, field: String, hint: String,
                         decode: (JSONValue) -> T?) throws -> T {
        guard let value = try value(in: collection, id: id) else { throw ToolFailure.notFound(entity, id: id, field: field, hint: hint) }
        guard let record = decode(value) else { throw ToolFailure.damaged(entity, id: id) }
        return record
    }

    /// The agent `id`.
    func agent(_ id: String, field: String = "agent_id") throws -> AgentRecord {
        try load(MarketplaceCollections.agents, "agent", id: id, field: field, hint: "list agents with agent_list or create one with agent_create",
                 decode: AgentRecord.init(json:))
    }

    /// The request `id`.
    func request(_ id: String, field: String = "request_id") throws -> RequestRecord {
        try load(MarketplaceCollections.requests, "request", id: id, field: field, hint: "list requests with request_list",
                 decode: RequestRecord.init(json:))
    }

    /// The offer `id`.
    func offer(_ id: String, field: String = "offer_id") throws -> OfferRecord {
        try load(MarketplaceCollections.offers, "offer", id: id, field: field, hint: "list offers with offer_list or request_offers",
                 decode: OfferRecord.init(json:))
    }

    /// The deal `id`.
    func deal(_ id: String, field: String = "deal_id") throws -> DealRecord {
        try load(MarketplaceCollections.deals, "deal", id: id, field: field, hint: "list deals with deal_list", decode: DealRecord.init(json:))
    }

    /// The message `id`.
    func message(_ id: String) throws -> MessageRecord {
        try load(MarketplaceCollections.messages, "message", id: id, field: "message_id", hint: "list messages with message_list",
                 decode: MessageRecord.init(json:))
    }

    /// The offers and deals of request `id`.
    func links(ofRequest id: String) throws -> RequestLinks {
        RequestLinks(json: try value(in: MarketplaceCollections.requestLinks, id: id))
    }

    /// The message ids of deal `id`, oldest first.
    func messageIDs(ofDeal id: String) throws -> [String] {
        try value(in: MarketplaceCollections.dealMessages, id: id)?["message_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
