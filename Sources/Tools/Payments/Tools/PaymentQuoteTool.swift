import JSON

/// `payment_quote`: what a request would cost and whether the policy would pay, without paying.
struct PaymentQuoteTool: Tool {
    struct Arguments: ToolArguments {
        var agent_id: String
        var url: String
        var method: String?
        var headers: JSONValue?
        var body: JSONValue?
        var `protocol`: String?
        static let schema = JSONSchema.object(properties: [
            "agent_id": PaymentSchemas.agentID, "url": PaymentSchemas.url, "method": PaymentSchemas.method,
            "headers": PaymentSchemas.headers, "body": PaymentSchemas.body, "protocol": PaymentSchemas.paymentProtocol,
        ], required: ["agent_id", "url"])
    }

    static let name = "payment_quote"
    static let title = "Quote a paid URL"
    static let description = """
        Make the request without paying and report every payment offer of its 402 (protocol, \
        scheme/method, network, asset, amount, pay_to, expiry, description), the one the policy would \
        pick, and whether and why it would pay. Nothing is signed or spent.
        """
    static let annotations = ToolAnnotations(readOnly: true, destructive: false, idempotent: true, openWorld: true)
    static let toolset = Toolset.wallet

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let call = try PaymentCall(agentID: arguments.agent_id, url: arguments.url, method: arguments.method,
                                   headers: try PaymentSchemas.headers(arguments.headers), body: arguments.body,
                                   idempotencyKey: "quote", maxAmount: nil, protocol: arguments.protocol)
        return .structured(try await context.payment { try await $0.quote(call) })
    }
}
