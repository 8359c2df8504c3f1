import Store

/// The TAK error objects the marketplace returns, built in one place so codes and details are uniform.
extension ToolFailure {
    /// `not_found`: no `entity` with `id`; `field` names the argument.
    static func notFound(_ entity: String, id: String, field: String, hint: String) -> ToolFailure {
        ToolFailure(code: .notFound, message: "no \(entity) \(id); \(hint)",
                    details: ["entity": .string(entity), "id": .string(id), "field": .string(field)])
    }

    /// `permission_denied`, saying who may do it.
    static func permissionDenied(_ message: String, action: String, actor: MarketplaceActor, required: String) -> ToolFailure {
        ToolFailure(code: .permissionDenied, message: message,
                    details: ["action": .string(action), "acting_as": .string(actor.label), "required": .string(required)])
    }

    /// `invalid_state_transition` for a deal: `{entity, id, from, to, allowed}`.
    static func invalidTransition(deal id: String, _ transition: InvalidTransition, action: String) -> ToolFailure {
        let allowed = transition.allowed.map(\.rawValue)
        let next = allowed.isEmpty ? "it is final" : "from \(transition.from.rawValue) it can only go to \(allowed.joined(separator: " or "))"
        return ToolFailure(code: .invalidStateTransition,
                           message: "cannot \(action) deal \(id): it is \(transition.from.rawValue), and \(next)",
                           details: ["entity": "deal", "id": .string(id), "from": .string(transition.from.rawValue),
                                     "to": .string(transition.to.rawValue), "allowed": .array(allowed.map { .string($0) })])
    }

    /// `invalid_state_transition` for an offer: `{entity, id, from, to, allowed}`.
    static func invalidTransition(offer: OfferRecord, to target: OfferStatus) -> ToolFailure {
        let allowed = offer.status.allowedTargets.map(\.rawValue)
        return ToolFailure(code: .invalidStateTransition,
                           message: "offer \(offer.id) is already \(offer.status.rawValue); only pending offers can be accepted or rejected",
                           details: ["entity": "offer", "id": .string(offer.id), "from": .string(offer.status.rawValue),
                                     "to": .string(target.rawValue), "allowed": .array(allowed.map { .string($0) })])
    }

    /// `invalid_state_transition` when an action needs a record in another status:
    /// `{entity, id, status, action, required}` (the statuses the action needs).
    static func wrongStatus(_ entity: String, id: String, status: String, action: String, required: [String], message: String) -> ToolFailure {
        ToolFailure(code: .invalidStateTransition, message: message,
                    details: ["entity": .string(entity), "id": .string(id), "status": .string(status), "action": .string(action),
                              "required": .array(required.map { .string($0) })])
    }

    /// `internal_error`: something outside the model's control; nothing was changed.
    static func internalError(_ message: String) -> ToolFailure {
        ToolFailure(code: .internalError, message: message)
    }

    /// `internal_error` for a stored record that cannot be read.
    static func damaged(_ entity: String, id: String) -> ToolFailure {
        internalError("the stored \(entity) \(id) is damaged; run `tak-mcp doctor`")
    }
}
