/// The states of an offer: `pending → accepted | rejected`, set by the requester
/// (`offer_respond`) or, for competitors of an accepted offer, automatically.
public enum OfferStatus: String, Sendable, CaseIterable {
    /// Submitted; waits for the requester.
    case pending
    /// Accepted by the requester; a deal may be created from it.
    case accepted
    /// Rejected by the requester, or automatically when a competing offer was accepted.
    case rejected

    /// The status names, for schemas and messages.
    public static let names = allCases.map(\.rawValue)

    /// The statuses reachable from this one in one step.
    public var allowedTargets: [OfferStatus] {
        self == .pending ? [.accepted, .rejected] : []
    }
}

/// The states of a request. Only `open` is stored by a tool call; the others follow from the
/// request's offers and deals (`RequestStatus.derive`).
public enum RequestStatus: String, Sendable, CaseIterable {
    /// Taking offers.
    case open
    /// An offer was accepted; its deal is being made or carried out.
    case accepted
    /// Done: a deal was executed, or every deal made from it ended without execution
    /// (cancelled or failed), so it takes no more offers or deals.
    case closed

    /// The status names, for schemas and messages.
    public static let names = allCases.map(\.rawValue)

    /// A request's status from its accepted offer and the states of its deals:
    /// `closed` once any deal is executed, or once it has deals and all of them were cancelled
    /// or failed; otherwise `accepted` when an offer was accepted; otherwise `open`.
    public static func derive(hasAcceptedOffer: Bool, dealStates: [DealState]) -> RequestStatus {
        if dealStates.contains(.executed) { return .closed }
        if !dealStates.isEmpty, dealStates.allSatisfy({ $0 == .cancelled || $0 == .failed }) { return .closed }
        return hasAcceptedOffer || !dealStates.isEmpty ? .accepted : .open
    }
}
