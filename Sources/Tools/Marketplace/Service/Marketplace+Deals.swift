import Store
public import JSON

extension Marketplace {
    /// Creates a deal awaiting approval from an accepted offer: a snapshot of the request, the
    /// offer, the parties and the price. A request has at most one live deal at a time.
    func createDeal(requestID: String, offerID: String, idempotency: IdempotencyRequest) throws -> JSONObject {
        try mutate(idempotency) { change in
            let request = try change.transaction.request(requestID)
            let offer = try change.transaction.offer(offerID)
            guard offer.requestID == request.id else {
                throw ToolFailure.invalidRequest("offer \(offer.id) answers request \(offer.requestID), not \(request.id); pass its own request_id", field: "offer_id")
            }
            if let denial = Permissions.createDeal(payer: request.requesterAgentID, payee: offer.providerAgentID, actor: actor) { throw denial }
            guard offer.status == .accepted else {
                throw ToolFailure.wrongStatus("offer", id: offer.id, status: offer.status.rawValue, action: "create_deal", required: ["accepted"],
                                              message: "offer \(offer.id) is \(offer.status.rawValue); deals are created only from an accepted offer (offer_respond with status accepted)")
            }
            guard request.status == .accepted else {
                throw ToolFailure.wrongStatus("request", id: request.id, status: request.status.rawValue, action: "create_deal", required: ["accepted"],
                                              message: "request \(request.id) is \(request.status.rawValue); it takes no more deals")
            }
            let links = try change.transaction.links(ofRequest: request.id)
            for id in links.dealIDs {
                let existing = try change.transaction.deal(id)
                guard existing.status.isTerminal else {
                    throw ToolFailure.wrongStatus("request", id: request.id, status: request.status.rawValue, action: "create_deal", required: ["accepted"],
                                                  message: "request \(request.id) already has deal \(id), which is \(existing.status.rawValue); carry it through or reject it first")
                }
            }
            let terms = DealTerms(id: try change.newID(.deal, in: MarketplaceCollections.deals), request: request, offer: offer, createdAt: change.now)
            let deal = DealRecord(terms: terms, createdBy: actor.label)
            try change.put(deal)
            try change.updateLinks(ofRequest: request.id) { $0.dealIDs.append(terms.id) }
            try change.refreshStatus(of: request, changed: deal)
            return deal.json
        }
    }

    /// Approves a deal awaiting approval, as the payer agent. In human mode this is refused with
    /// what the person must do; `approveAsPerson` is the person's way.
    func approveDeal(dealID: String, idempotency: IdempotencyRequest) throws -> DealApprovalOutcome {
        if approvalMode == .human {
            let deal = try Self.guarded { try store.deal(dealID) }
            try checkAllowed(deal, action: "approve", event: .approve)
            return .needsPerson(deal)
        }
        return .approved(try mutate(idempotency) { change in
            var deal = try change.transaction.deal(dealID)
            if let denial = Permissions.decideDeal(deal.terms, action: "approve", actor: actor) { throw denial }
            do throws(InvalidTransition) { try deal.approve(at: change.now, by: actor.label) } catch { throw ToolFailure.invalidTransition(deal: dealID, error, action: "approve") }
            try change.put(deal)
            return deal.json
        })
    }

    /// Approves a deal on a person's word: `tak-mcp deals approve DEAL_ID` in a terminal, or an
    /// accepted MCP elicitation. Works in either approval mode; recorded as `by: person`.
    public func approveAsPerson(dealID: String) throws -> JSONObject {
        try mutate(IdempotencyRequest(tool: "person_approval", key: nil, arguments: [:], schemaVersion: SchemaVersion.current, actor: actor)) { change in
            var deal = try change.transaction.deal(dealID)
            do throws(InvalidTransition) { try deal.approve(at: change.now, by: "person") } catch { throw ToolFailure.invalidTransition(deal: dealID, error, action: "approve") }
            try change.put(deal)
            return deal.json
        }
    }

    /// Rejects a deal awaiting approval, as its payer; the request closes if it has no other live deal.
    func rejectDeal(dealID: String, reason: String?, idempotency: IdempotencyRequest) throws -> JSONObject {
        try mutate(idempotency) { change in
            var deal = try change.transaction.deal(dealID)
            if let denial = Permissions.decideDeal(deal.terms, action: "reject", actor: actor) { throw denial }
            do throws(InvalidTransition) { try deal.reject(at: change.now, by: actor.label, reason: reason) } catch { throw ToolFailure.invalidTransition(deal: dealID, error, action: "reject") }
            try change.put(deal)
            try change.refreshStatus(of: try change.transaction.request(deal.terms.requestID), changed: deal)
            return deal.json
        }
    }
}

/// What `approveDeal` came to: approved by the agent, or (in human mode) a deal that only a
/// person can approve, which the caller asks about or refuses with `HumanApproval.required`.
enum DealApprovalOutcome {
    /// The deal is approved; its JSON.
    case approved(JSONObject)
    /// The deal may be approved, but only by a person.
    case needsPerson(DealRecord)
}
