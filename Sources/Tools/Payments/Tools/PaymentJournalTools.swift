import JSON
import Payments

/// `payment_list`: the payment journal, a page at a time.
struct PaymentListTool: Tool {
    struct Arguments: ToolArguments {
        var agent_id: String?
        var status: String?
        var cursor: String?
        var limit: Int?
        static let schema = JSONSchema.object(properties: [
            "agent_id": PaymentSchemas.agentID, "status": PaymentSchemas.state,
            "cursor": .string("The next_cursor of the previous page; omit for the first page.", minLength: 1),
            "limit": .integer("Payments per page, 1-100 (default 50).", in: 1...100),
        ])
    }

    static let name = "payment_list"
    static let title = "List payments"
    static let description = "List the payment journal (every make_payment attempt with its state, amount, request and receipt), optionally of one agent or state, oldest first, in pages of up to 100."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.wallet

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let state = arguments.status.flatMap(PaymentState.init(rawValue:))
        let (records, next) = try await context.payment {
            try $0.journal.list(agentID: arguments.agent_id, state: state, after: arguments.cursor, limit: arguments.limit ?? 50)
        }
        var result: JSONObject = ["payments": .array(records.map { .object($0.publicJSON) })]
        if let next { result["next_cursor"] = .string(next) }
        return .structured(result)
    }
}

/// `payment_get`: one journal record.
struct PaymentGetTool: Tool {
    struct Arguments: ToolArguments {
        var payment_id: String
        static let schema = JSONSchema.object(properties: ["payment_id": PaymentSchemas.paymentID], required: ["payment_id"])
    }

    static let name = "payment_get"
    static let title = "Get a payment"
    static let description = "Get one payment from the journal: state (settled, failed, replay, unknown, refused, awaiting_approval…), amount, request, offer, receipt and history. Never the signed credential."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.wallet

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try await context.payment { try $0.get(arguments.payment_id) })
    }
}

/// `payment_policy`: the spending rules in force and today's budget.
struct PaymentPolicyTool: Tool {
    typealias Arguments = NoArguments

    static let name = "payment_policy"
    static let title = "Payment policy"
    static let description = "Show the spending policy the person set (per-payment cap, daily budget, allowed hosts and networks, approval threshold) and what is left of today's budget. Read-only: no tool can change it."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.wallet

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try await context.payment { try $0.policyReport() })
    }
}
