import Store
public import JSON

/// What a person is asked when deals need a human's approval, and the refusal a tool call gets
/// instead. The protocol layer asks through MCP elicitation (`question(for:)`) and, on
/// "accept", calls `Marketplace.approveAsPerson(dealID:)`.
public enum HumanApproval {
    /// The elicitation for `deal`: a message with amount, payee and terms, and a schema of one
    /// Boolean, `approve`.
    public static func question(for deal: DealRecord) -> (message: String, requestedSchema: JSONObject) {
        let terms = deal.terms
        let message = """
            Approve deal \(terms.id)? \(terms.payerAgentID) pays \(NanoAmount.usdcString(terms.amountNano)) USDC \
            (\(terms.amountNano) nano) to \(terms.payeeAgentID) for "\(terms.serviceQuery)". Terms: \(terms.offerTerms)
            """
        let schema: JSONObject = [
            "type": "object",
            "properties": ["approve": ["type": "boolean", "title": "Approve this payment",
                                       "description": "Yes lets the payer execute the deal and pay."]],
            "required": ["approve"],
        ]
        return (message, schema)
    }

    /// The refusal a tool call gets in human mode: `permission_denied`, naming the command.
    public static func required(for deal: DealRecord) -> ToolFailure {
        let command = DealApprovalMode.command(for: deal.terms.id)
        return ToolFailure(code: .permissionDenied,
                           message: "deal \(deal.terms.id) must be approved by a person: ask them to run `\(command)` in a terminal, then call deal_get to see it approved. Do not retry deal_approve.",
                           details: ["action": "approve_deal", "approval_mode": "human", "command": .string(command),
                                     "deal_id": .string(deal.terms.id)])
    }
}
