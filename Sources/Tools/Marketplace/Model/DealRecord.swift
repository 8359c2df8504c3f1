import Store
public import JSON

/// A deal (`/api/deals`): an immutable snapshot of the terms plus how far it has come. Only the
/// mutating methods below change it, each through `DealStateMachine`, and each appends to
/// `history`; the terms never change.
public struct DealRecord: Sendable, Equatable {
    /// What was agreed.
    public let terms: DealTerms
    /// Where the deal stands.
    public private(set) var status: DealState
    /// When it was approved.
    public private(set) var approvedAt: String?
    /// When it was executed.
    public private(set) var executedAt: String?
    /// When it was rejected.
    public private(set) var cancelledAt: String?
    /// When execution failed.
    public private(set) var failedAt: String?
    /// The receipt id of the settlement, e.g. `mcp_receipt_8f3a2c1e9b7d4a2e`.
    public private(set) var executionReceipt: String?
    /// `delivered` once executed, `not_delivered` once failed.
    public private(set) var deliveryStatus: String?
    /// What is delivered (`json`), once executed.
    public private(set) var deliverableType: String?
    /// Why execution failed, with a code, once failed.
    public private(set) var failure: SettlementRefusal?
    /// The ledger's receipt of the transfer, once executed.
    public private(set) var settlement: JSONObject?
    /// Every event, oldest first; only appended to.
    public private(set) var history: [DealHistoryEntry]

    /// A new deal awaiting approval.
    public init(terms: DealTerms, createdBy: String) {
        self.terms = terms
        status = .awaitingApproval
        history = [DealHistoryEntry(event: "created", from: nil, to: .awaitingApproval, at: terms.createdAt, by: createdBy)]
    }

    /// Moves the deal by `event`, appending to the history, or throws the invalid transition.
    private mutating func move(_ event: DealEvent, name: String, at time: String, by actor: String, note: String?) throws(InvalidTransition) {
        let target = try DealStateMachine.transition(from: status, event: event).get()
        history.append(DealHistoryEntry(event: name, from: status, to: target, at: time, by: actor, note: note))
        status = target
    }

    /// awaiting_approval → approved.
    public mutating func approve(at time: String, by actor: String) throws(InvalidTransition) {
        try move(.approve, name: "approved", at: time, by: actor, note: nil)
        approvedAt = time
    }

    /// approved → executed, with the settlement's receipt.
    public mutating func execute(at time: String, by actor: String, receipt: SettlementReceipt) throws(InvalidTransition) {
        try move(.executeSucceeded, name: "executed", at: time, by: actor, note: "transfer \(receipt.transferID)")
        executedAt = time
        executionReceipt = receipt.receiptID
        deliveryStatus = "delivered"
        deliverableType = "json"
        settlement = receipt.details
    }

    /// approved → failed, with why; no money moved.
    public mutating func fail(at time: String, by actor: String, refusal: SettlementRefusal) throws(InvalidTransition) {
        try move(.executeFailed, name: "failed", at: time, by: actor, note: "\(refusal.code): \(refusal.message)")
        failedAt = time
        failure = refusal
        deliveryStatus = "not_delivered"
    }

    /// awaiting_approval → cancelled.
    public mutating func reject(at time: String, by actor: String, reason: String?) throws(InvalidTransition) {
        try move(.reject, name: "cancelled", at: time, by: actor, note: reason)
        cancelledAt = time
    }

    /// Reads a stored deal; nil if damaged.
    public init?(json: JSONValue) {
        guard let terms = DealTerms(json: json), let status = json["status"]?.stringValue.flatMap(DealState.init(rawValue:)),
              let history = json["history"]?.arrayValue else { return nil }
        self.terms = terms
        self.status = status
        approvedAt = json["approved_at"]?.stringValue
        executedAt = json["executed_at"]?.stringValue
        cancelledAt = json["cancelled_at"]?.stringValue
        failedAt = json["failed_at"]?.stringValue
        executionReceipt = json["execution_receipt"]?.stringValue
        deliveryStatus = json["delivery_status"]?.stringValue
        deliverableType = json["deliverable_type"]?.stringValue
        failure = json["failure"].flatMap(SettlementRefusal.init(json:))
        settlement = json["settlement"]?.objectValue
        self.history = history.compactMap(DealHistoryEntry.init(json:))
        guard self.history.count == history.count else { return nil }
    }

    /// The stored and returned JSON: the seed's fields, then the snapshot's words, the outcome
    /// and the history.
    public var json: JSONObject {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return [
            "id": .string(terms.id), "request_id": .string(terms.requestID), "offer_id": .string(terms.offerID),
            "payer_agent_id": .string(terms.payerAgentID), "payee_agent_id": .string(terms.payeeAgentID),
            "amount_nano": .integer(terms.amountNano), "status": .string(status.rawValue), "created_at": .string(terms.createdAt),
            "approved_at": text(approvedAt), "executed_at": text(executedAt), "execution_receipt": text(executionReceipt),
            "delivery_status": text(deliveryStatus), "deliverable_type": text(deliverableType),
            "cancelled_at": text(cancelledAt), "failed_at": text(failedAt),
            "failure": failure.map { .object($0.json) } ?? .null,
            "settlement": settlement.map(JSONValue.object) ?? .null,
            "service_query": .string(terms.serviceQuery), "terms": .string(terms.offerTerms),
            "history": .array(history.map(\.json)),
        ]
    }
}
