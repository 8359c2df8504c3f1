public import JSON
import Payments
import HTTP
import Crypto

extension PaymentService {
    /// Asks a person to approve a payment; nil when nobody can be asked in this call.
    public typealias ApprovalAsker = @Sendable (_ question: String) async -> Bool?

    /// `make_payment`: the request; on 402, pays within the policy and retries once. A call with
    /// an idempotency key seen before returns that payment's result, or, when its outcome is
    /// unknown, re-sends the same signed authorization. Failures the model should act on are
    /// thrown as `ToolFailure`s carrying the payment.
    public func makePayment(_ call: PaymentCall, approve: ApprovalAsker) async throws -> JSONObject {
        let policy = try currentPolicy()
        let (_, signer) = try wallets.paymentSigner(call.agentID)
        let start = now
        let fresh = PaymentRecord(json: [
            "payment_id": .string("pmt_" + Hex.encode(try random.bytes(12), prefix: false)), "agent_id": .string(call.agentID),
            "idempotency_key": .string(call.idempotencyKey), "fingerprint": .string(call.fingerprint), "state": .string(PaymentState.pending.rawValue),
            "created_at": .string(timestamp), "updated_at": .string(timestamp),
            "request": ["method": .string(call.request.method), "url": .string(call.request.url)],
            "nonce": .string(Hex.encode(try random.bytes(32))), "owner_pid": .integer(Int64(getpid())), "paid_attempts": 0,
            "history": [["state": "pending", "at": .string(timestamp)]],
        ])
        var record: PaymentRecord
        switch try journal.begin(agent: call.agentID, idempotencyKey: call.idempotencyKey, fingerprint: call.fingerprint, fresh: fresh) {
        case .new(let made): record = made
        case .existing(let earlier): record = earlier
        }
        if record.state.isFinal { return try replay(record) }
        var resume: PaymentCredential?
        if record.state == .sending || record.state == .unknown, let credential = record.credential {
            guard (record.validBefore ?? 0) > start else {
                throw Self.failure(for: record, code: .paymentOutcomeUnknown,
                                   message: "payment \(record.id) was sent and its outcome is unknown; its authorization expired at \(RFC3339Timestamp.format(record.validBefore ?? 0)), so it can no longer settle if it has not already. Check with the seller; do not pay again with a new key unless you know it did not settle.")
            }
            resume = credential
            record = try journal.update(record.id) { $0.json["owner_pid"] = .integer(Int64(getpid())) }
        }
        let id = record.id
        let nonce = record.nonce
        let approval = record.approval
        let identifier = PaymentPlanner.paymentIdentifier(agent: call.agentID, idempotencyKey: call.idempotencyKey)
        let result = try await negotiator.run(call.request, idempotencyKey: identifier, resume: resume) { challenge in
            try await prepare(challenge, call: call, policy: policy, signer: signer, paymentID: id, nonce: nonce,
                              identifier: identifier, approval: approval, approve: approve)
        }
        let finished = try journal.update(id) { record in
            record.transition(to: result.state, reason: result.reason, at: timestamp)
            record.json["paid_attempts"] = .integer((record.json["paid_attempts"]?.integerValue ?? 0) + Int64(result.paidAttempts))
            record.json["outcome"] = .object(Self.outcome(result))
            if let selection = result.selection, result.state == .refused || result.state == .awaitingApproval {
                record.json["offers"] = .array(selection.json)
            }
        }
        return try replay(finished)
    }

    /// The preparation of a 402: policy, approval, signature, and the atomic budget reservation
    /// that stores the credential before it is sent.
    func prepare(_ challenge: PaymentChallenge, call: PaymentCall, policy: PaymentPolicy, signer: PaymentSigner, paymentID: String,
                 nonce: [UInt8], identifier: String, approval: JSONObject?, approve: ApprovalAsker) async throws -> Preparation {
        let now = self.now
        let day = Self.day(now)
        let context: PaymentRequestContext
        do {
            context = try PaymentRequestContext(method: call.request.method, url: call.request.url, body: call.request.body,
                                                maxAmountAtomic: call.maxAmountAtomic, now: now, protocols: call.protocols)
        } catch { throw ToolFailure.invalidRequest("url: \(error.message)", field: "url") }
        let selection = policy.select(challenge, for: context, spentToday: try journal.counted(on: day).counted)
        guard let chosen = selection.chosen else { return .refused(selection.refusal!, selection) }
        if policy.needsApproval(chosen.amount), !Self.covers(approval, chosen) {
            let question = "Approve a payment of \(USDCUnits.decimal(chosen.amount)) USDC (\(chosen.amount) atomic) on \(chosen.deployment.network) to \(chosen.payTo.checksummed) for \(call.request.method) \(call.request.url) (payment \(paymentID), agent \(call.agentID))?"
            switch await approve(question) {
            case true?:
                try journal.update(paymentID) { $0.json["approval"] = Self.approvalJSON(chosen, by: "person (elicitation)", at: timestamp) }
            case false?:
                return .refused(PolicyViolation(.approval, "the person declined the payment of \(USDCUnits.decimal(chosen.amount)) USDC; do not retry unless they ask you to"), selection)
            case nil:
                try journal.update(paymentID) { $0.json["pending_offer"] = .object(Self.offerSummary(chosen)) }
                return .awaitingApproval(PolicyViolation(.approval, "the payment of \(USDCUnits.decimal(chosen.amount)) USDC is above the approval threshold of \(USDCUnits.decimal(policy.approveAboveAtomic ?? 0)) USDC (--approve-above): ask the person to run `tak-mcp payments approve \(paymentID)`, then call make_payment again with the same idempotency_key"), selection)
            }
        }
        crashPoint?.trigger(.beforeSigning)
        let plan = PaymentPlanner(payer: signer.address, nonce: nonce, paymentIdentifier: identifier, now: now).plan(chosen)
        let credential = plan.credential(signature: try signer.sign(plan.typed))
        let stamp = timestamp
        if let violation = try journal.reserve(paymentID, amount: chosen.amount, day: day, policy: policy, update: { record in
            record.transition(to: .sending, reason: nil, at: stamp)
            record.json["credential"] = ["header": .string(credential.headerName), "value": .string(credential.headerValue)]
            record.json["offer"] = .object(Self.offerSummary(chosen))
            record.json["valid_before"] = .integer(Int64(plan.validBefore))
            record.json["owner_pid"] = .integer(Int64(getpid()))
        }) {
            return .refused(violation, selection)
        }
        crashPoint?.trigger(.afterSigning)
        return .credential(credential, selection)
    }

    /// Whether a stored approval covers `offer`: the same payee and at most the approved amount.
    static func covers(_ approval: JSONObject?, _ offer: CheckedOffer) -> Bool {
        guard let approval, let amount = approval["amount_atomic"]?.stringValue.flatMap(UInt64.init),
              let payTo = approval["pay_to"]?.stringValue else { return false }
        return offer.amount <= amount && payTo.lowercased() == offer.payTo.lowercased
    }

    /// The approval record for `offer`.
    static func approvalJSON(_ offer: CheckedOffer, by who: String, at time: String) -> JSONValue {
        ["approved_at": .string(time), "by": .string(who), "amount_atomic": .string(String(offer.amount)), "pay_to": .string(offer.payTo.checksummed)]
    }

    /// What the journal keeps of the offer paid.
    static func offerSummary(_ offer: CheckedOffer) -> JSONObject {
        var summary = offer.offer.json
        summary["network"] = .string(offer.deployment.network)
        summary["amount_atomic"] = .string(String(offer.amount))
        summary["amount"] = .string(USDCUnits.decimal(offer.amount))
        summary["pay_to"] = .string(offer.payTo.checksummed)
        return summary
    }

    /// The outcome the journal stores: the response view (capped), reason, receipt, rule.
    static func outcome(_ result: NegotiationResult) -> JSONObject {
        var outcome = JSONObject()
        if let response = result.response { outcome["response"] = .object(PaymentResponseView.json(response)) }
        if let reason = result.reason { outcome["reason"] = .string(reason) }
        if let receipt = result.receipt { outcome["receipt"] = .object(receipt) }
        if let violation = result.violation { outcome["rule"] = .string(violation.rule.rawValue) }
        return outcome
    }

    /// The `payment` object of a result.
    static func paymentJSON(_ record: PaymentRecord) -> JSONObject {
        var payment: JSONObject = ["payment_id": .string(record.id), "state": .string(record.visibleState.rawValue)]
        if let offer = record.json["offer"]?.objectValue {
            for key in ["protocol", "scheme", "network", "asset", "amount_atomic", "amount", "pay_to"] { payment[key] = offer[key] ?? .null }
        }
        let outcome = record.json["outcome"]?.objectValue ?? [:]
        if let receipt = outcome["receipt"] { payment["receipt"] = receipt }
        if let reason = outcome["reason"] { payment["reason"] = reason }
        if let rule = outcome["rule"] { payment["rule"] = rule }
        return payment
    }

    /// The result of a finished record, as returned the first time and on every retry with the
    /// same key: the target's response for free and settled payments, a failure otherwise.
    func replay(_ record: PaymentRecord) throws -> JSONObject {
        let outcome = record.json["outcome"]?.objectValue ?? [:]
        let reason = outcome["reason"]?.stringValue ?? ""
        switch record.visibleState {
        case .free, .settled:
            var result = outcome["response"]?.objectValue ?? [:]
            result["paid"] = .bool(record.state == .settled)
            if record.state == .settled { result["payment"] = .object(Self.paymentJSON(record)) }
            return result
        case .refused:
            throw Self.failure(for: record, code: .paymentRefused, message: "nothing was paid: \(outcome["rule"]?.stringValue ?? "policy"): \(reason)")
        case .awaitingApproval:
            throw Self.failure(for: record, code: .approvalRequired, message: reason,
                               extra: ["command": .string("tak-mcp payments approve \(record.id)")])
        case .failed:
            throw Self.failure(for: record, code: .paymentFailed, message: "\(reason). Nothing was charged (the budget reservation was released); use a new idempotency_key to try again.")
        case .replay:
            throw Self.failure(for: record, code: .paymentReplayed, message: "\(reason). Do not pay again: check with payment_get and the seller.")
        case .unknown, .sending:
            throw Self.failure(for: record, code: .paymentOutcomeUnknown, message: "the outcome of payment \(record.id) is unknown: \(reason). Do NOT use a new idempotency_key: call make_payment again with the same idempotency_key to re-send the same signed authorization, which can settle at most once.")
        case .notPayable:
            throw Self.failure(for: record, code: .notPayable, message: reason)
        case .unreachable:
            throw Self.failure(for: record, code: .unreachable, message: "the request got no response, nothing was paid: \(reason)")
        case .pending:
            throw Self.failure(for: record, code: .internalError, message: "payment \(record.id) is still pending")
        }
    }

    /// A failure carrying the payment and the target's response.
    static func failure(for record: PaymentRecord, code: FailureCode, message: String, extra: JSONObject = [:]) -> ToolFailure {
        var details: JSONObject = ["payment": .object(paymentJSON(record))]
        if let response = record.json["outcome"]?["response"] { details["response"] = response }
        if let offers = record.json["offers"] { details["offers"] = offers }
        for (key, value) in extra { details[key] = value }
        return ToolFailure(code: code, message: message, details: details)
    }
}
