/// Where a payment attempt stands, as the journal records it.
public enum PaymentState: String, Sendable, Equatable, CaseIterable {
    /// Written before the first request went out; nothing signed yet.
    case pending
    /// Waiting for a person to approve (`--approve-above`).
    case awaitingApproval = "awaiting_approval"
    /// Signed, budget reserved, credential being sent (or sent with no answer yet).
    case sending
    /// The server accepted the payment (2xx after paying).
    case settled
    /// The server refused the payment (402 again, 400…); the budget reservation was released.
    case failed
    /// The server says the credential was already used (409, or MPP 403).
    case replay
    /// The credential was sent and no answer says whether it was taken (5xx, timeout, dropped
    /// connection). The budget keeps it counted; retry with the same idempotency_key to re-send
    /// the same authorization, which can settle at most once.
    case unknown
    /// The policy refused every offer; nothing was signed.
    case refused
    /// The server answered without 402: nothing to pay.
    case free
    /// A 402 without a payable challenge ("top up credits").
    case notPayable = "not_payable"
    /// The first request got no response; nothing was signed.
    case unreachable

    /// Whether the state is final for its idempotency_key (a retry returns it as it is).
    public var isFinal: Bool {
        switch self {
        case .pending, .awaitingApproval, .sending, .unknown: false
        default: true
        }
    }

    /// Whether money may have moved or may still move: counted against the daily budget.
    public var countsAgainstBudget: Bool {
        switch self {
        case .sending, .settled, .replay, .unknown: true
        default: false
        }
    }
}
