import Store
import JSON

/// `wallet_get`: one agent's wallet.
struct WalletGetTool: Tool {
    struct Arguments: ToolArguments {
        var agent_id: String
        static let schema = JSONSchema.object(properties: ["agent_id": WalletSchemas.agentID], required: ["agent_id"])
    }

    static let name = "wallet_get"
    static let title = "Get a wallet"
    static let description = "Get an agent's wallet: address, company, default network. Never returns the key."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.wallet
    static let outputSchema: JSONSchema? = WalletSchemas.wallet

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try await context.wallet { try $0.get(arguments.agent_id) }.json)
    }
}

/// `wallet_list`: wallets in creation order, a page at a time.
struct WalletListTool: Tool {
    struct Arguments: ToolArguments {
        var company_id: String?
        var cursor: String?
        var limit: Int?
        static let schema = JSONSchema.object(properties: [
            "company_id": .string("Only this company's wallets.", minLength: 1, maxLength: 128),
            "cursor": .string("The next_cursor of the previous page; omit for the first page.", minLength: 1),
            "limit": .integer("Wallets per page, 1-100 (default 50).", in: 1...100),
        ])
    }

    static let name = "wallet_list"
    static let title = "List wallets"
    static let description = "List agent wallets (addresses only, never keys), optionally for one company, in pages of up to 100."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.wallet
    static let outputSchema: JSONSchema? = .object(properties: [
        "wallets": .array("The wallets on this page.", of: WalletSchemas.wallet),
        "next_cursor": .string("Pass as cursor for the next page; absent on the last page."),
    ], required: ["wallets"])

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let (wallets, next) = try await context.wallet {
            try $0.list(companyID: arguments.company_id, after: arguments.cursor, limit: arguments.limit ?? 50)
        }
        var result: JSONObject = ["wallets": .array(wallets.map { .object($0.json) })]
        if let next { result["next_cursor"] = .string(next) }
        return .structured(result)
    }
}

/// `wallet_balance`: the USDC balance, from the sandbox ledger or on chain.
struct WalletBalanceTool: Tool {
    struct Arguments: ToolArguments {
        var agent_id: String
        var network: String?
        static let schema = JSONSchema.object(properties: [
            "agent_id": WalletSchemas.agentID,
            "network": .string("Where to read the balance (default: the wallet's network). base and base-sepolia ask the node at TAK_RPC_URL_BASE / TAK_RPC_URL_BASE_SEPOLIA.", enum: WalletNetwork.names),
        ], required: ["agent_id"])
    }

    static let name = "wallet_balance"
    static let title = "Wallet balance"
    static let description = """
        Get an agent's USDC balance: balance is an exact decimal string (e.g. 10.50) and balance_atomic \
        the integer count of atomic units (1 USDC = 1000000). Sandbox balances come from the local \
        ledger; base and base-sepolia are read on chain.
        """
    static let annotations = ToolAnnotations(readOnly: true, destructive: false, idempotent: true, openWorld: true)
    static let toolset = Toolset.wallet
    static let outputSchema: JSONSchema? = WalletSchemas.balance

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let balance = try await context.wallet { try await $0.balance(arguments.agent_id, network: WalletSchemas.parseNetwork(arguments.network)) }
        return .structured(balance.json)
    }
}

/// `wallet_fund`: test USDC on the sandbox network.
struct WalletFundTool: Tool {
    struct Arguments: ToolArguments {
        var agent_id: String
        var amount: String?
        var amount_atomic: String?
        static let schema = JSONSchema.object(properties: [
            "agent_id": WalletSchemas.agentID,
            "amount": .string("USDC as an exact decimal string, e.g. \"25\" or \"10.50\" (at most 6 decimals).", pattern: "^[0-9]+(\\.[0-9]{1,6})?$"),
            "amount_atomic": .string("Or the amount in atomic units as an integer string (1 USDC = 1000000).", pattern: "^[0-9]+$"),
        ], required: ["agent_id"])

        func validate() throws(ToolInputError) {
            if (amount == nil) == (amount_atomic == nil) { throw ToolInputError("give exactly one of `amount` (decimal USDC) and `amount_atomic` (integer atomic units)") }
        }

        var parsed: USDCAmount? {
            if let amount { return USDCAmount(decimal: amount) }
            return amount_atomic.flatMap(USDCAmount.init(atomicString:))
        }
    }

    static let name = "wallet_fund"
    static let title = "Fund a sandbox wallet"
    static let description = """
        Credit test USDC to an agent's wallet on the sandbox network (offline, not real money), up to \
        the sandbox cap per wallet. Refused on base and base-sepolia: fund those on chain.
        """
    static let annotations = ToolAnnotations(readOnly: false, destructive: false, idempotent: false, openWorld: false)
    static let toolset = Toolset.wallet
    static let outputSchema: JSONSchema? = WalletSchemas.balance

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        guard let amount = arguments.parsed else {
            throw ToolFailure.invalidRequest("the amount is too large", field: arguments.amount != nil ? "amount" : "amount_atomic")
        }
        let balance = try await context.wallet { try $0.fund(arguments.agent_id, amount: amount) }
        return .structured(balance.json)
    }
}
