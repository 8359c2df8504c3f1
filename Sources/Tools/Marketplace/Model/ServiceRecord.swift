import Store
public import JSON

/// A service an agent sells (`/api/services`): `{id, agent_id, service_name, base_price_nano,
/// description?, created_at}`.
public struct ServiceRecord: Sendable, Equatable {
    /// `svc_…`.
    public var id: String
    /// The providing agent.
    public var agentID: String
    /// What it is called, e.g. `market_data`.
    public var serviceName: String
    /// The list price in nano-USDC, a whole number of atomic units.
    public var basePriceNano: Int64
    /// What the buyer gets.
    public var description: String?
    /// RFC 3339 creation time.
    public var createdAt: String

    /// A service from its parts.
    public init(id: String, agentID: String, serviceName: String, basePriceNano: Int64, description: String?, createdAt: String) {
        self.id = id
        self.agentID = agentID
        self.serviceName = serviceName
        self.basePriceNano = basePriceNano
        self.description = description
        self.createdAt = createdAt
    }

    /// Reads a stored service; nil if the record is damaged.
    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let agentID = json["agent_id"]?.stringValue,
              let serviceName = json["service_name"]?.stringValue, let price = json["base_price_nano"]?.integerValue else { return nil }
        self.init(id: id, agentID: agentID, serviceName: serviceName, basePriceNano: price,
                  description: json["description"]?.stringValue, createdAt: json["created_at"]?.stringValue ?? "")
    }

    /// The stored and returned JSON.
    public var json: JSONObject {
        var object: JSONObject = ["id": .string(id), "agent_id": .string(agentID), "service_name": .string(serviceName),
                                  "base_price_nano": .integer(basePriceNano)]
        if let description { object["description"] = .string(description) }
        object["created_at"] = .string(createdAt)
        return object
    }
}
