import Store
public import JSON

/// A message on a deal (`/api/deals/:id/messages`): `{id, deal_id, sender_agent_id, content, timestamp}`.
public struct MessageRecord: Sendable, Equatable {
    /// `msg_…`.
    public var id: String
    /// The deal it belongs to.
    public var dealID: String
    /// The sender, a party of the deal.
    public var senderAgentID: String
    /// The text.
    public var content: String
    /// RFC 3339 send time.
    public var timestamp: String

    /// A message from its parts.
    public init(id: String, dealID: String, senderAgentID: String, content: String, timestamp: String) {
        self.id = id
        self.dealID = dealID
        self.senderAgentID = senderAgentID
        self.content = content
        self.timestamp = timestamp
    }

    /// Reads a stored message; nil if the record is damaged.
    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let dealID = json["deal_id"]?.stringValue,
              let sender = json["sender_agent_id"]?.stringValue, let content = json["content"]?.stringValue,
              let timestamp = json["timestamp"]?.stringValue else { return nil }
        self.init(id: id, dealID: dealID, senderAgentID: sender, content: content, timestamp: timestamp)
    }

    /// The stored and returned JSON.
    public var json: JSONObject {
        ["id": .string(id), "deal_id": .string(dealID), "sender_agent_id": .string(senderAgentID),
         "content": .string(content), "timestamp": .string(timestamp)]
    }
}
