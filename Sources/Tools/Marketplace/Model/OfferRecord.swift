import Store
public import JSON

/// An offer on a request (`/api/offers`): `{id, request_id, provider_agent_id, price_nano, terms,
/// status, created_at, responded_at}`.
public struct OfferRecord: Sendable, Equatable {
    /// `off_…`.
    public var id: String
    /// The request it answers.
    public var requestID: String
    /// The seller.
    public var providerAgentID: String
    /// The price in nano-USDC, a whole number of atomic units, at most the request's maximum.
    public var priceNano: Int64
    /// What the seller promises, e.g. "JSON delivery. SLA: <10s."
    public var terms: String
    /// pending, accepted or rejected.
    public var status: OfferStatus
    /// RFC 3339 creation time.
    public var createdAt: String
    /// When it was accepted or rejected, if it was.
    public var respondedAt: String?

    /// An offer from its parts.
    public init(id: String, requestID: String, providerAgentID: String, priceNano: Int64, terms: String, status: OfferStatus,
                createdAt: String, respondedAt: String? = nil) {
        self.id = id
        self.requestID = requestID
        self.providerAgentID = providerAgentID
        self.priceNano = priceNano
        self.terms = terms
        self.status = status
        self.createdAt = createdAt
        self.respondedAt = respondedAt
    }

    /// Reads a stored offer; nil if the record is damaged.
    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let requestID = json["request_id"]?.stringValue,
              let provider = json["provider_agent_id"]?.stringValue, let price = json["price_nano"]?.integerValue,
              let terms = json["terms"]?.stringValue,
              let status = json["status"]?.stringValue.flatMap(OfferStatus.init(rawValue:)) else { return nil }
        self.init(id: id, requestID: requestID, providerAgentID: provider, priceNano: price, terms: terms, status: status,
                  createdAt: json["created_at"]?.stringValue ?? "", respondedAt: json["responded_at"]?.stringValue)
    }

    /// The stored and returned JSON.
    public var json: JSONObject {
        ["id": .string(id), "request_id": .string(requestID), "provider_agent_id": .string(providerAgentID),
         "price_nano": .integer(priceNano), "terms": .string(terms), "status": .string(status.rawValue),
         "created_at": .string(createdAt), "responded_at": respondedAt.map(JSONValue.string) ?? .null]
    }
}
