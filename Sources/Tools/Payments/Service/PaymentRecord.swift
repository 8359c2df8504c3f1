public import JSON
public import Payments
import Crypto

/// One payment attempt as the journal keeps it (collection `payments`, keyed by payment id):
/// written before its first request goes out and updated at each step. The stored credential
/// and nonce never leave the store; `publicJSON` is what tools return.
public struct PaymentRecord: Sendable {
    /// The stored JSON.
    public var json: JSONObject

    /// A record from its stored JSON.
    public init(json: JSONObject) { self.json = json }

    /// `pmt_…`.
    public var id: String { json["payment_id"]?.stringValue ?? "" }
    /// The paying agent.
    public var agentID: String { json["agent_id"]?.stringValue ?? "" }
    /// The state as stored.
    public var state: PaymentState { json["state"]?.stringValue.flatMap(PaymentState.init(rawValue:)) ?? .unknown }
    /// The request fingerprint (method, URL, headers, body, max_amount).
    public var fingerprint: String { json["fingerprint"]?.stringValue ?? "" }
    /// The x402 nonce of this logical payment.
    public var nonce: [UInt8] { (try? Hex.decode(json["nonce"]?.stringValue ?? "")) ?? [] }
    /// The amount reserved, once an offer was chosen.
    public var amountAtomic: UInt64? { json["amount_atomic"]?.stringValue.flatMap(UInt64.init) }
    /// The UTC day the amount is counted on.
    public var budgetDay: String? { json["budget_day"]?.stringValue }
    /// The signed credential, once signed.
    public var credential: PaymentCredential? {
        guard let object = json["credential"]?.objectValue, let name = object["header"]?.stringValue,
              let value = object["value"]?.stringValue else { return nil }
        return PaymentCredential(headerName: name, headerValue: value)
    }
    /// The authorization's validBefore (Unix seconds), once signed.
    public var validBefore: Int64? { json["valid_before"]?.integerValue }
    /// The process that last wrote it while in flight.
    public var ownerPID: Int32? { json["owner_pid"]?.integerValue.map { Int32(truncatingIfNeeded: $0) } }
    /// A person's approval: the most they approved and to whom.
    public var approval: JSONObject? { json["approval"]?.objectValue }

    /// The state as it can be known now: a `sending` record whose process is gone is `unknown`
    /// (the credential may have reached the server before the process died).
    public var visibleState: PaymentState {
        guard state == .sending, let pid = ownerPID, pid != getpid() else { return state }
        return kill(pid, 0) == 0 || errno == EPERM ? .sending : .unknown
    }

    /// Sets the state, appending it to the history with `reason`, at `now` (RFC 3339).
    public mutating func transition(to state: PaymentState, reason: String?, at now: String) {
        json["state"] = .string(state.rawValue)
        json["updated_at"] = .string(now)
        var entry: JSONObject = ["state": .string(state.rawValue), "at": .string(now)]
        if let reason { entry["reason"] = .string(reason) }
        json["history"] = .array((json["history"]?.arrayValue ?? []) + [.object(entry)])
    }

    /// The members tools never return.
    static let privateKeys: Set<String> = ["credential", "nonce", "fingerprint", "owner_pid"]

    /// What `payment_get` and `payment_list` return: everything but the credential, the nonce,
    /// the fingerprint and the owner, with the state as it can be known now.
    public var publicJSON: JSONObject {
        var object = JSONObject()
        for (key, value) in json where !Self.privateKeys.contains(key) { object[key] = value }
        let visible = visibleState
        object["state"] = .string(visible.rawValue)
        if visible == .unknown, state == .sending {
            object["note"] = "the process sending this payment stopped before the answer was recorded: the outcome is unknown; make_payment with the same idempotency_key re-sends the same authorization, which can settle at most once"
        }
        return object
    }
}
