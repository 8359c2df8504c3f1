/// The states of a deal (TAK 0.1): `awaiting_approval → approved → executed | failed`, and
/// `awaiting_approval → cancelled`.
public enum DealState: String, Sendable, CaseIterable {
    /// Created from an accepted offer; waits for the payer (or a person) to approve.
    case awaitingApproval = "awaiting_approval"
    /// Approved; may be executed.
    case approved
    /// Executed: the money moved and the receipt is recorded. Terminal.
    case executed
    /// Execution failed and no money moved (missing wallet, insufficient balance). Terminal.
    case failed
    /// Rejected before approval. Terminal.
    case cancelled

    /// The state names, for schemas and messages.
    public static let names = allCases.map(\.rawValue)

    /// Whether no event leaves this state.
    public var isTerminal: Bool { DealStateMachine.allowedTargets(from: self).isEmpty }
}

/// What happens to a deal; each event has exactly one target state.
public enum DealEvent: String, Sendable, CaseIterable {
    /// `deal_approve` (or `tak-mcp deals approve`).
    case approve
    /// `deal_execute` whose settlement moved the money.
    case executeSucceeded
    /// `deal_execute` whose settlement was refused; no money moved.
    case executeFailed
    /// `deal_reject`.
    case reject

    /// The state this event leads to.
    public var target: DealState {
        switch self {
        case .approve: .approved
        case .executeSucceeded: .executed
        case .executeFailed: .failed
        case .reject: .cancelled
        }
    }
}

/// A move the state machine does not allow: where from, where to, and where one may go instead.
public struct InvalidTransition: Error, Sendable, Equatable {
    /// The current state.
    public var from: DealState
    /// The requested state.
    public var to: DealState
    /// The states reachable from `from` (empty for a terminal state).
    public var allowed: [DealState]
}

/// The deal state machine, as pure functions: no store, no clock.
public enum DealStateMachine {
    /// The states reachable from `state` in one step.
    public static func allowedTargets(from state: DealState) -> [DealState] {
        switch state {
        case .awaitingApproval: [.approved, .cancelled]
        case .approved: [.executed, .failed]
        case .executed, .failed, .cancelled: []
        }
    }

    /// Whether `from → to` is one allowed step.
    public static func allows(from: DealState, to: DealState) -> Bool {
        allowedTargets(from: from).contains(to)
    }

    /// The state after `event` in `state`, or why the event is not allowed there.
    public static func transition(from state: DealState, event: DealEvent) -> Result<DealState, InvalidTransition> {
        let target = event.target
        guard allows(from: state, to: target) else {
            return .failure(InvalidTransition(from: state, to: target, allowed: allowedTargets(from: state)))
        }
        return .success(target)
    }
}
