import Store
public import JSON

/// A request for a service (`/api/requests`): `{id, requester_agent_id, service_query,
/// max_price_nano, status, created_at}`. The status is kept up to date from the request's offers
/// and deals in the same transaction that changes them.
public struct RequestRecord: Sendable, Equatable {
    /// `req_…`.
    public var id: String
    /// The buyer.
    public var requesterAgentID: String
    /// What is wanted, in words.
    public var serviceQuery: String
    /// The most the buyer pays, in nano-USDC; offers above it are refused.
    public var maxPriceNano: Int64
    /// open, accepted or closed.
    public var status: RequestStatus
    /// RFC 3339 creation time.
    public var createdAt: String

    /// A request from its parts.
    public init(id: String, requesterAgentID: String, serviceQuery: String, maxPriceNano: Int64, status: RequestStatus, createdAt: String) {
        self.id = id
        self.requesterAgentID = requesterAgentID
        self.serviceQuery = serviceQuery
        self.maxPriceNano = maxPriceNano
        self.status = status
        self.createdAt = createdAt
    }

    /// Reads a stored request; nil if the record is damaged.
    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let requester = json["requester_agent_id"]?.stringValue,
              let query = json["service_query"]?.stringValue, let max = json["max_price_nano"]?.integerValue,
              let status = json["status"]?.stringValue.flatMap(RequestStatus.init(rawValue:)) else { return nil }
        self.init(id: id, requesterAgentID: requester, serviceQuery: query, maxPriceNano: max, status: status,
                  createdAt: json["created_at"]?.stringValue ?? "")
    }

    /// The stored and returned JSON.
    public var json: JSONObject {
        ["id": .string(id), "requester_agent_id": .string(requesterAgentID), "service_query": .string(serviceQuery),
         "max_price_nano": .integer(maxPriceNano), "status": .string(status.rawValue), "created_at": .string(createdAt)]
    }
}
