/// Who approves deals (`--deal-approval`, `TAK_DEAL_APPROVAL`).
public enum DealApprovalMode: String, Sendable, CaseIterable {
    /// The paying agent approves with `deal_approve` (the default).
    case agent
    /// A person approves: through MCP elicitation when the client supports it, otherwise by
    /// running `tak-mcp deals approve DEAL_ID` in a terminal. No tool call alone can approve.
    case human

    /// The mode named by `text`: nil or empty means `agent`; anything unknown means `human`,
    /// the safe choice when a setting is mistyped.
    public static func parse(_ text: String?) -> DealApprovalMode {
        guard let text, !text.isEmpty else { return .agent }
        return DealApprovalMode(rawValue: text.lowercased()) ?? .human
    }

    /// The terminal command a person runs to approve `dealID`.
    public static func command(for dealID: String) -> String { "tak-mcp deals approve \(dealID)" }
}

extension ToolEnvironment {
    /// The deal approval mode (`TAK_DEAL_APPROVAL`; the command line's `--deal-approval` sets it).
    public var dealApprovalMode: DealApprovalMode { DealApprovalMode.parse(variable("TAK_DEAL_APPROVAL")) }
}
