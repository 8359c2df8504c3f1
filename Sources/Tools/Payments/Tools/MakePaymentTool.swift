import JSON

/// `make_payment`: the seed's make-payment. The request; on 402, pay within the person's policy
/// with the agent's wallet and retry once.
struct MakePaymentTool: Tool {
    struct Arguments: ToolArguments {
        var agent_id: String
        var url: String
        var method: String?
        var headers: JSONValue?
        var body: JSONValue?
        var `protocol`: String?
        var idempotency_key: String
        var max_amount: String?
        static let schema = JSONSchema.object(properties: [
            "agent_id": PaymentSchemas.agentID, "url": PaymentSchemas.url, "method": PaymentSchemas.method,
            "headers": PaymentSchemas.headers, "body": PaymentSchemas.body, "protocol": PaymentSchemas.paymentProtocol,
            "idempotency_key": .string("Your id for this one logical purchase: invent one per purchase and REUSE it on every retry (a new key can pay again).", minLength: 1, maxLength: 128),
            "max_amount": .string("The most this call may pay, in atomic USDC units as an integer string (1 USDC = 1000000); the server's caps apply too.", pattern: "^[0-9]{1,20}$"),
        ], required: ["agent_id", "url", "idempotency_key"])
    }

    static let name = "make_payment"
    static let title = "Request a paid URL"
    static let description = """
        Make an HTTP request for an agent; when the server answers 402 Payment Required (x402 v1/v2 \
        or MPP), pay it with the agent's wallet within the spending policy the person set (per-payment \
        cap, daily budget, allowed hosts and networks; you cannot change it) and retry once. Returns the \
        target's response {status, headers, body, truncated}, paid, and payment (id, amount, receipt). \
        Refusals name the rule and nothing is signed. Always pass an idempotency_key and reuse it when \
        you retry: if the outcome is unknown, the same key re-sends the same authorization, which can \
        settle at most once; a new key may pay twice. Use payment_quote first to see the price.
        """
    static let annotations = ToolAnnotations(readOnly: false, destructive: true, idempotent: true, openWorld: true)
    static let toolset = Toolset.wallet

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let call = try PaymentCall(agentID: arguments.agent_id, url: arguments.url, method: arguments.method,
                                   headers: try PaymentSchemas.headers(arguments.headers), body: arguments.body,
                                   idempotencyKey: arguments.idempotency_key, maxAmount: arguments.max_amount, protocol: arguments.protocol)
        let elicitation = context.elicitation
        let result = try await context.payment { service in
            try await service.makePayment(call) { question in
                guard elicitation.isSupported else { return nil }
                let schema = JSONSchema.object(properties: ["approve": .boolean("Yes pays; no refuses.")], required: ["approve"])
                guard let answer = try? await elicitation.ask(question, schema: schema) else { return nil }
                if case .accept(let content) = answer { return content["approve"] == true }
                return false
            }
        }
        if let payment = result["payment"]?.objectValue {
            context.log(.info, "payment \(payment["payment_id"]?.stringValue ?? "") \(payment["state"]?.stringValue ?? "")")
        }
        return .structured(result)
    }
}
