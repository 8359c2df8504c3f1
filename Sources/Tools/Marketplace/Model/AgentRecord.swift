import Store
public import JSON

/// An agent (`/api/agents`): `{id, name, capabilities, status, created_at}`.
public struct AgentRecord: Sendable, Equatable {
    /// `ag_…`.
    public var id: String
    /// A display name.
    public var name: String
    /// What it can do, e.g. `request_service`, `negotiate`.
    public var capabilities: [String]
    /// `active` (agents are created active).
    public var status: String
    /// RFC 3339 creation time.
    public var createdAt: String

    /// An agent from its parts.
    public init(id: String, name: String, capabilities: [String], status: String = "active", createdAt: String) {
        self.id = id
        self.name = name
        self.capabilities = capabilities
        self.status = status
        self.createdAt = createdAt
    }

    /// Reads a stored agent; nil if the record is damaged.
    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue,
              let capabilities = json["capabilities"]?.arrayValue?.compactMap(\.stringValue),
              let status = json["status"]?.stringValue else { return nil }
        self.init(id: id, name: name, capabilities: capabilities, status: status, createdAt: json["created_at"]?.stringValue ?? "")
    }

    /// The stored and returned JSON.
    public var json: JSONObject {
        ["id": .string(id), "name": .string(name), "capabilities": .array(capabilities.map { .string($0) }),
         "status": .string(status), "created_at": .string(createdAt)]
    }
}
