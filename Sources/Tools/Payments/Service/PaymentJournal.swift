public import Store
import JSON
public import Payments
import Crypto

/// The payment journal and the daily budget, in the store. Every step is one store transaction,
/// so the budget check and the reservation are atomic across threads and across processes that
/// share the home (the store's exclusive lock serialises them).
public struct PaymentJournal: Sendable {
    /// Payment records by payment id.
    static let payments = "payments"
    /// Payment ids by agent and idempotency key: `k_<sha256(agent ‖ 0 ‖ key)>`.
    static let keys = "payment_keys"
    /// Per UTC day: `counted_atomic` (sending, settled, replay, unknown) and `settled_atomic`.
    static let budget = "payment_budget"

    /// The store.
    public let store: Store

    /// A journal in `store`.
    public init(store: Store) { self.store = store }

    /// The id of the key index record for an agent's idempotency key.
    static func keyID(agent: String, idempotencyKey: String) -> String {
        "k_" + Hex.encode(SHA256.hash(Array(agent.utf8) + [0] + Array(idempotencyKey.utf8)), prefix: false)
    }

    /// What `begin` found.
    public enum Beginning: Sendable {
        /// A new record, just written.
        case new(PaymentRecord)
        /// The record of an earlier call with the same key and the same request.
        case existing(PaymentRecord)
    }

    /// Returns the record for `agent`'s `idempotencyKey`, creating `fresh` (state pending) if
    /// there is none; throws `idempotency_conflict` when the key was used for another request.
    public func begin(agent: String, idempotencyKey: String, fingerprint: String, fresh: @autoclosure () -> PaymentRecord) throws -> Beginning {
        try store.update { transaction in
            let keyID = Self.keyID(agent: agent, idempotencyKey: idempotencyKey)
            if let id = transaction.get(collection: Self.keys, id: keyID)?["payment_id"]?.stringValue,
               let stored = transaction.get(collection: Self.payments, id: id)?.objectValue {
                let record = PaymentRecord(json: stored)
                guard record.fingerprint == fingerprint else {
                    throw ToolFailure(code: .idempotencyConflict,
                                      message: "idempotency_key \(idempotencyKey) was already used by payment \(record.id) for a different request; use a new key for a new request, or repeat the same request exactly",
                                      details: ["payment_id": .string(record.id), "field": "idempotency_key"])
                }
                return .existing(record)
            }
            let record = fresh()
            try transaction.put(collection: Self.payments, id: record.id, value: .object(record.json))
            try transaction.put(collection: Self.keys, id: keyID, value: ["payment_id": .string(record.id)])
            return .new(record)
        }
    }

    /// The record `id`, or nil.
    public func record(_ id: String) throws -> PaymentRecord? {
        try store.get(collection: Self.payments, id: id)?.objectValue.map(PaymentRecord.init(json:))
    }

    /// The amount counted against `day`'s budget (sending, settled, replay and unknown payments).
    public func counted(on day: String) throws -> (counted: UInt64, settled: UInt64) {
        Self.budgetTotals(try store.get(collection: Self.budget, id: day))
    }

    /// The totals of a budget record.
    static func budgetTotals(_ value: JSONValue?) -> (counted: UInt64, settled: UInt64) {
        (UInt64(clamping: value?["counted_atomic"]?.integerValue ?? 0), UInt64(clamping: value?["settled_atomic"]?.integerValue ?? 0))
    }

    /// The budget record of `day` with these totals.
    static func budgetRecord(day: String, counted: UInt64, settled: UInt64) -> JSONValue {
        ["day": .string(day), "counted_atomic": .integer(Int64(clamping: counted)), "settled_atomic": .integer(Int64(clamping: settled))]
    }

    /// In one transaction: checks that `amount` fits what is left of `day`'s budget under
    /// `policy`, counts it, and stores the signed credential on the record (state sending).
    /// Returns the budget violation instead, changing nothing, when it does not fit.
    public func reserve(_ id: String, amount: UInt64, day: String, policy: PaymentPolicy, update: (inout PaymentRecord) -> Void) throws -> PolicyViolation? {
        try store.update { transaction in
            let totals = Self.budgetTotals(transaction.get(collection: Self.budget, id: day))
            if let violation = policy.budgetViolation(amount: amount, spentToday: totals.counted) { return violation }
            guard let stored = transaction.get(collection: Self.payments, id: id)?.objectValue else {
                throw ToolFailure(code: .internalError, message: "payment \(id) vanished from the journal")
            }
            var record = PaymentRecord(json: stored)
            update(&record)
            record.json["amount_atomic"] = .string(String(amount))
            record.json["budget_day"] = .string(day)
            try transaction.put(collection: Self.budget, id: day, value: Self.budgetRecord(day: day, counted: totals.counted + amount, settled: totals.settled))
            try transaction.put(collection: Self.payments, id: id, value: .object(record.json))
            return nil
        }
    }

    /// Updates record `id` in one transaction, moving its amount between the budget's totals as
    /// its state changes: released when a counted payment fails, added to `settled` when it settles.
    @discardableResult
    public func update(_ id: String, _ change: (inout PaymentRecord) throws -> Void) throws -> PaymentRecord {
        try store.update { transaction in
            guard let stored = transaction.get(collection: Self.payments, id: id)?.objectValue else {
                throw ToolFailure(code: .notFound, message: "no payment \(id); payment_list shows them", details: ["field": "payment_id"])
            }
            var record = PaymentRecord(json: stored)
            let before = record.state
            try change(&record)
            let after = record.state
            if let amount = record.amountAtomic, let day = record.budgetDay, before != after {
                var (counted, settled) = Self.budgetTotals(transaction.get(collection: Self.budget, id: day))
                if before.countsAgainstBudget, !after.countsAgainstBudget { counted = counted >= amount ? counted - amount : 0 }
                if !before.countsAgainstBudget, after.countsAgainstBudget { counted += amount }
                if after == .settled, before != .settled { settled += amount }
                try transaction.put(collection: Self.budget, id: day, value: Self.budgetRecord(day: day, counted: counted, settled: settled))
            }
            try transaction.put(collection: Self.payments, id: id, value: .object(record.json))
            return record
        }
    }

    /// Records in journal order after `cursor`, optionally of one agent or one (visible) state.
    public func list(agentID: String?, state: PaymentState?, after cursor: String?, limit: Int) throws -> (records: [PaymentRecord], next: String?) {
        let badCursor = { (cursor: String) -> any Error in
            ToolFailure(code: .invalidRequest, message: "unknown cursor \(cursor); pass the next_cursor of the previous page", details: ["field": "cursor"])
        }
        let page = try store.page(of: Self.payments, after: cursor, limit: limit, badCursor: badCursor) { stored -> PaymentRecord? in
            guard let object = stored.value.objectValue else { return nil }
            let record = PaymentRecord(json: object)
            guard agentID == nil || record.agentID == agentID, state == nil || record.visibleState == state else { return nil }
            return record
        }
        return (page.items, page.next)
    }
}
