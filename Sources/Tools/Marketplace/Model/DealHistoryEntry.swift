import Store
public import JSON

/// One event in a deal's append-only history.
public struct DealHistoryEntry: Sendable, Equatable {
    /// `created`, `approved`, `executed`, `failed` or `cancelled`.
    public var event: String
    /// The state before (nil for `created`).
    public var from: DealState?
    /// The state after.
    public var to: DealState
    /// RFC 3339 time.
    public var at: String
    /// Who did it: an agent id, `operator` (an unbound session) or `person` (a human approval).
    public var by: String
    /// A reason or remark, if any.
    public var note: String?

    /// An entry from its parts.
    public init(event: String, from: DealState?, to: DealState, at: String, by: String, note: String? = nil) {
        self.event = event
        self.from = from
        self.to = to
        self.at = at
        self.by = by
        self.note = note
    }

    /// Reads a stored entry; nil if damaged.
    init?(json: JSONValue) {
        guard let event = json["event"]?.stringValue, let to = json["to"]?.stringValue.flatMap(DealState.init(rawValue:)),
              let at = json["at"]?.stringValue, let by = json["by"]?.stringValue else { return nil }
        self.init(event: event, from: json["from"]?.stringValue.flatMap(DealState.init(rawValue:)), to: to, at: at, by: by,
                  note: json["note"]?.stringValue)
    }

    /// The stored and returned JSON.
    public var json: JSONValue {
        var object: JSONObject = ["event": .string(event), "from": from.map { .string($0.rawValue) } ?? .null,
                                  "to": .string(to.rawValue), "at": .string(at), "by": .string(by)]
        if let note { object["note"] = .string(note) }
        return .object(object)
    }
}
