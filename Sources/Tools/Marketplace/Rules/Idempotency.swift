import Store
import JSON
import Crypto

/// One mutating call's idempotency: the tool, the caller's key, and a fingerprint of what it asked.
///
/// Records live in the `idempotency` collection under `<tool>:<key>`, holding the fingerprint and
/// the full first response, and are written in the same store transaction as the change itself,
/// so no crash can leave one without the other.
struct IdempotencyRequest: Sendable, Equatable {
    /// The tool name.
    var tool: String
    /// The caller's key; nil when the call has none (then nothing is recorded).
    var key: String?
    /// SHA-256 (hex) of the canonical arguments without the key, with the schema version
    /// resolved and the acting session added.
    var fingerprint: String

    /// The request for `tool` called with `arguments` (their JSON) by `actor`.
    init(tool: String, key: String?, arguments: JSONValue, schemaVersion: String, actor: MarketplaceActor) {
        self.tool = tool
        self.key = key
        var object = arguments.objectValue ?? [:]
        object["idempotency_key"] = nil
        object["schema_version"] = .string(schemaVersion)
        object["acting_as"] = .string(actor.label)
        fingerprint = Hex.encode(SHA256.hash(Idempotency.canonicalText(.object(object)).utf8), prefix: false)
    }

    /// The record id, `<tool>:<key>`.
    var recordID: String? { key.map { "\(tool):\($0)" } }
}

/// Replaying and recording idempotent responses.
enum Idempotency {
    /// JSON with object keys sorted at every level: equal values give equal text.
    static func canonicalText(_ value: JSONValue) -> String {
        canonical(value).jsonText
    }

    /// `value` with object keys sorted at every level.
    static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { ($0.key, canonical($0.value)) }))
        case .array(let items):
            return .array(items.map(canonical))
        default:
            return value
        }
    }

    /// The first response for `request` when `stored` (its record) has the same fingerprint;
    /// nil when there is no record; `idempotency_conflict` when the key was used for other arguments.
    static func replay(_ request: IdempotencyRequest, stored: JSONValue?) throws(ToolFailure) -> JSONObject? {
        guard let stored, let key = request.key else { return nil }
        guard stored["fingerprint"]?.stringValue == request.fingerprint else {
            throw ToolFailure(code: .idempotencyConflict,
                              message: "idempotency_key \(key) was already used for a different \(request.tool) call (other arguments or another agent); use a new key for a new action, or repeat the first call exactly to get its result",
                              details: ["field": "idempotency_key", "idempotency_key": .string(key), "tool": .string(request.tool),
                                        "first_used_at": stored["created_at"] ?? .null])
        }
        guard let response = stored["response"]?.objectValue else {
            throw ToolFailure.damaged("idempotency record", id: request.recordID ?? key)
        }
        return response
    }

    /// The record to store for `request`'s first `response`.
    static func record(_ request: IdempotencyRequest, response: JSONObject, at time: String) -> JSONValue {
        ["tool": .string(request.tool), "key": .string(request.key ?? ""), "fingerprint": .string(request.fingerprint),
         "created_at": .string(time), "response": .object(response)]
    }
}
