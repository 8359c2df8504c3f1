import Store
import JSON

extension Marketplace {
    /// Executes an approved deal: the payer pays the payee through the settlement, and the deal
    /// becomes `executed` with the receipt, or `failed` with the reason when the payment is
    /// refused (no money moves then). The key is required.
    ///
    /// The payment is prepared (keys, signature) outside the store lock, then applied in the same
    /// transaction that moves the deal and records the idempotency key. So a retry with the same
    /// key returns the first result, a second execution finds the deal no longer `approved`, and a
    /// crash at any point leaves either both the transfer and the new state, or neither.
    func executeDeal(dealID: String, idempotency: IdempotencyRequest) throws -> JSONObject {
        try Self.guarded {
            if let id = idempotency.recordID,
               let first = try Idempotency.replay(idempotency, stored: store.get(collection: MarketplaceCollections.idempotency, id: id)) {
                return first
            }
            let deal = try store.deal(dealID)
            try checkAllowed(deal, action: "execute", event: .executeSucceeded)
            return try execute(deal.terms, with: settlement, idempotency: idempotency)
        }
    }

    /// Throws unless this session may take `action` on `deal` now: its permission first, then
    /// whether the state machine allows `event` from the deal's state.
    func checkAllowed(_ deal: DealRecord, action: String, event: DealEvent) throws {
        if let denial = Permissions.decideDeal(deal.terms, action: action, actor: actor) { throw denial }
        if case .failure(let transition) = DealStateMachine.transition(from: deal.status, event: event) {
            throw ToolFailure.invalidTransition(deal: deal.terms.id, transition, action: action)
        }
    }

    /// Prepares the payment with `settlement`, then settles it and moves the deal in one transaction.
    private func execute<Settlement: DealSettlement>(_ terms: DealTerms, with settlement: Settlement,
                                                     idempotency: IdempotencyRequest) throws -> JSONObject {
        let order = SettlementOrder(terms: terms, now: nowSeconds)
        let prepared = try settlement.prepare(order)
        return try mutate(idempotency) { change in
            var deal = try change.transaction.deal(terms.id)
            try checkAllowed(deal, action: "execute", event: .executeSucceeded)
            let outcome: Result<SettlementReceipt, SettlementRefusal>
            switch prepared {
            case .success(let payment): outcome = try settlement.settle(payment, order: order, now: nowSeconds, in: change.transaction)
            case .failure(let refusal): outcome = .failure(refusal)
            }
            do throws(InvalidTransition) {
                switch outcome {
                case .success(let receipt): try deal.execute(at: change.now, by: actor.label, receipt: receipt)
                case .failure(let refusal): try deal.fail(at: change.now, by: actor.label, refusal: refusal)
                }
            } catch {
                throw ToolFailure.invalidTransition(deal: terms.id, error, action: "execute")
            }
            try change.put(deal)
            try change.refreshStatus(of: try change.transaction.request(terms.requestID), changed: deal)
            return deal.json
        }
    }
}
