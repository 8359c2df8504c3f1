/// Who may do what, as pure functions of the acting session and the records involved. Each
/// returns nil when allowed, or the `permission_denied` failure to report.
///
/// A session bound to an agent may only act as that agent: create services, requests, offers and
/// messages as itself, respond to offers on its own requests, create deals it is a party to, and
/// approve, execute or reject deals where it is the payer. An operator (unbound) may act for any
/// agent. Two rules hold for everyone: a provider cannot offer on its own request, and only a
/// deal's parties write on it.
enum Permissions {
    /// Creating agents is for operators: a bound agent cannot create other agents.
    static func createAgent(actor: MarketplaceActor) -> ToolFailure? {
        guard let bound = actor.boundAgentID else { return nil }
        return .permissionDenied("this session is bound to agent \(bound) and cannot create other agents; an operator (a session started without --agent) creates agents",
                                 action: "create_agent", actor: actor, required: "operator")
    }

    /// Acting as `agentID` (given in `field`) for `action`.
    static func actAs(_ agentID: String, field: String, action: String, actor: MarketplaceActor) -> ToolFailure? {
        guard !actor.mayActAs(agentID), let bound = actor.boundAgentID else { return nil }
        return .permissionDenied("this session is bound to agent \(bound) and may only \(action) as itself; set `\(field)` to \(bound)",
                                 action: action, actor: actor, required: bound)
    }

    /// Offering on `request`: only as oneself, and never on one's own request.
    static func submitOffer(provider: String, request: RequestRecord, actor: MarketplaceActor) -> ToolFailure? {
        if let denial = actAs(provider, field: "provider_agent_id", action: "submit offers", actor: actor) { return denial }
        guard provider == request.requesterAgentID else { return nil }
        return .permissionDenied("agent \(provider) made request \(request.id) and cannot offer on its own request",
                                 action: "submit_offer", actor: actor, required: "an agent other than the requester")
    }

    /// Accepting or rejecting an offer: the requester of its request (or an operator).
    static func respondToOffer(request: RequestRecord, actor: MarketplaceActor) -> ToolFailure? {
        guard !actor.mayActAs(request.requesterAgentID) else { return nil }
        return .permissionDenied("only the requester \(request.requesterAgentID) may accept or reject offers on request \(request.id)",
                                 action: "respond_to_offer", actor: actor, required: request.requesterAgentID)
    }

    /// Creating a deal: one of its parties (or an operator).
    static func createDeal(payer: String, payee: String, actor: MarketplaceActor) -> ToolFailure? {
        guard let bound = actor.boundAgentID, bound != payer, bound != payee else { return nil }
        return .permissionDenied("only the parties \(payer) (payer) and \(payee) (payee) may create this deal",
                                 action: "create_deal", actor: actor, required: "\(payer) or \(payee)")
    }

    /// Approving, executing or rejecting a deal: its payer (or an operator).
    static func decideDeal(_ terms: DealTerms, action: String, actor: MarketplaceActor) -> ToolFailure? {
        guard !actor.mayActAs(terms.payerAgentID) else { return nil }
        return .permissionDenied("only the payer \(terms.payerAgentID) may \(action) deal \(terms.id)",
                                 action: "\(action)_deal", actor: actor, required: terms.payerAgentID)
    }

    /// Sending a message on a deal: as oneself, and only as one of its parties.
    static func sendMessage(sender: String, terms: DealTerms, actor: MarketplaceActor) -> ToolFailure? {
        if let denial = actAs(sender, field: "sender_agent_id", action: "send messages", actor: actor) { return denial }
        guard !terms.isParty(sender) else { return nil }
        return .permissionDenied("agent \(sender) is not a party to deal \(terms.id); only \(terms.payerAgentID) and \(terms.payeeAgentID) may write on it",
                                 action: "send_message", actor: actor, required: "\(terms.payerAgentID) or \(terms.payeeAgentID)")
    }

    /// Reading a deal's messages: its parties (or an operator).
    static func readMessages(_ terms: DealTerms, actor: MarketplaceActor) -> ToolFailure? {
        guard let bound = actor.boundAgentID, !terms.isParty(bound) else { return nil }
        return .permissionDenied("only the parties of deal \(terms.id) may read its messages",
                                 action: "read_messages", actor: actor, required: "\(terms.payerAgentID) or \(terms.payeeAgentID)")
    }
}
