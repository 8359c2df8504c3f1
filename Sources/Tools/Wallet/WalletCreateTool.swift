import Store

/// `wallet_create`: a new secp256k1 wallet for an agent; the key stays in an encrypted keystore.
struct WalletCreateTool: Tool {
    struct Arguments: ToolArguments {
        var agent_id: String
        var company_id: String
        var network: String?
        static let schema = JSONSchema.object(properties: [
            "agent_id": WalletSchemas.agentID, "company_id": WalletSchemas.companyID, "network": WalletSchemas.network,
        ], required: ["agent_id", "company_id"])
    }

    static let name = "wallet_create"
    static let title = "Create a wallet"
    static let description = """
        Create a new USDC wallet (an Ethereum secp256k1 key) for an agent. One wallet per agent. The \
        private key is encrypted in a keystore on this machine and is never returned. Returns the \
        address. Use network sandbox (default) for offline test money.
        """
    static let annotations = ToolAnnotations(readOnly: false, destructive: false, idempotent: false, openWorld: false)
    static let toolset = Toolset.wallet
    static let outputSchema: JSONSchema? = WalletSchemas.wallet

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let record = try await context.wallet { service in
            try service.create(agentID: arguments.agent_id, companyID: arguments.company_id,
                               network: WalletSchemas.parseNetwork(arguments.network) ?? .sandbox)
        }
        context.log(.info, "created wallet \(record.address.checksummed) for agent \(record.agentID)")
        return .structured(record.json)
    }
}
