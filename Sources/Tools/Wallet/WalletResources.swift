import Store
import JSON

/// `tak://wallets/{agent_id}`: a wallet's address, network and balance (never the key).
enum WalletResources {
    static let template = ResourceTemplateDefinition(
        uriTemplate: "tak://wallets/{agent_id}", name: "wallet", title: "Agent wallet",
        description: "An agent's wallet: address, company, network and USDC balance. Never the key.",
        read: { agentID, context in
            let service = try context.environment.walletService()
            guard let record = try service.find(agentID) else { return nil }
            var json = record.json
            if let balance = try? await service.balance(of: record, network: nil) {
                json["balance"] = .string(balance.amount.decimalString)
                json["balance_atomic"] = .string(String(balance.amount.atomic))
            } else {
                json["balance"] = .null
                json["balance_note"] = .string("the balance could not be read now; see wallet_balance for the reason")
            }
            return JSONValue.object(json).jsonText
        },
        complete: { prefix, context in
            try context.environment.store.ids(in: WalletService.collection, prefix: prefix, limit: .max)
        })
}
