/// Who a session acts as: one bound agent (`--agent ID` / `TAK_AGENT_ID`), or, unbound, an
/// operator who may act for any agent.
public struct MarketplaceActor: Sendable, Equatable {
    /// The agent the session is bound to; nil for an operator.
    public var boundAgentID: String?

    /// An actor bound to `agentID`, or an operator for nil.
    public init(boundAgentID: String?) { self.boundAgentID = boundAgentID }

    /// An unbound session.
    public static let `operator` = MarketplaceActor(boundAgentID: nil)

    /// A session bound to `agentID`.
    public static func agent(_ agentID: String) -> MarketplaceActor { MarketplaceActor(boundAgentID: agentID) }

    /// How the actor appears in deal histories: the agent id, or `operator`.
    public var label: String { boundAgentID ?? "operator" }

    /// Whether this session may act as `agentID`.
    public func mayActAs(_ agentID: String) -> Bool { boundAgentID == nil || boundAgentID == agentID }
}

extension ToolEnvironment {
    /// The agent this session is bound to (`TAK_AGENT_ID`; the command line's `--agent` sets it),
    /// or nil for an operator session.
    public var boundAgentID: String? {
        guard let value = variable("TAK_AGENT_ID"), !value.isEmpty else { return nil }
        return value
    }

    /// Who this session acts as.
    public var marketplaceActor: MarketplaceActor { MarketplaceActor(boundAgentID: boundAgentID) }
}
