import Store

/// Schema pieces the wallet tools share.
enum WalletSchemas {
    static let agentID = JSONSchema.string("The agent's id, e.g. ag_abc123 or agent_123.", minLength: 1, maxLength: 128, pattern: "^[A-Za-z0-9_.:-]+$")
    static let companyID = JSONSchema.string("The agent's company id.", minLength: 1, maxLength: 128, pattern: "^[A-Za-z0-9_.:-]+$")
    static let network = JSONSchema.string("sandbox (default: offline test USDC), base-sepolia or base.", enum: WalletNetwork.names)

    /// A wallet record.
    static let wallet = JSONSchema.object(
        "A wallet (never the key).",
        properties: [
            "agent_id": .string("The owning agent."),
            "company_id": .string("The agent's company."),
            "address": .string("EIP-55 checksummed address.", pattern: "^0x[0-9a-fA-F]{40}$"),
            "network": .string("The wallet's default network.", enum: WalletNetwork.names),
            "source": .string("created here or imported.", enum: ["created", "imported"]),
            "created_at": .string("RFC 3339 time.", format: "date-time"),
        ],
        required: ["agent_id", "company_id", "address", "network"])

    /// A balance.
    static let balance = JSONSchema.object(
        properties: [
            "agent_id": .string("The agent."),
            "address": .string("The wallet address.", pattern: "^0x[0-9a-fA-F]{40}$"),
            "network": .string("Where the balance was read.", enum: WalletNetwork.names),
            "asset": .string("Always USDC.", enum: ["USDC"]),
            "balance": .string("Exact decimal USDC, e.g. 10.50.", pattern: "^[0-9]+\\.[0-9]{2,6}$"),
            "balance_atomic": .string("Atomic units (1 USDC = 1000000), as an integer string.", pattern: "^[0-9]+$"),
        ],
        required: ["agent_id", "address", "network", "asset", "balance", "balance_atomic"])

    static func parseNetwork(_ name: String?) -> WalletNetwork? {
        name.flatMap(WalletNetwork.init(rawValue:))
    }
}

extension ToolContext {
    /// Runs wallet code, turning `WalletError`s into tool failures.
    func wallet<T>(_ body: (WalletService) async throws -> T) async throws -> T {
        do {
            return try await body(try environment.walletService())
        } catch let error as WalletError {
            throw error.failure
        }
    }
}
