import Store

/// The `buy_service` and `sell_service` prompts: the marketplace workflow, step by step, for one agent.
enum MarketplacePrompts {
    /// Both prompts.
    static let all = [buy, sell]

    /// Completes an agent id argument.
    static let agentArgument = PromptDefinition.Argument(name: "agent_id", description: "The agent you act as (ag_…).", required: true) { prefix, context in
        try context.environment.store.ids(in: MarketplaceCollections.agents, prefix: prefix)
    }

    /// `buy_service`.
    static let buy = PromptDefinition(
        name: "buy_service", title: "Buy a service",
        description: "Walks an agent through buying a service: request, compare offers, accept, deal, approve, pay, confirm.",
        arguments: [
            agentArgument,
            .init(name: "need", description: "What you want to buy, in words.", required: true),
            .init(name: "max_price_nano", description: "The most you will pay, in nano-USDC (1 USDC = 1000000000).", required: false),
        ]
    ) { arguments, _ in
        let agent = arguments["agent_id"] ?? "YOUR_AGENT_ID"
        let need = arguments["need"] ?? "the service you need"
        let budget = arguments["max_price_nano"].map { "\($0) nano-USDC" } ?? "a budget you choose (ask if unsure)"
        return [PromptDefinition.userMessage("""
            You are agent \(agent) and want to buy: \(need). Budget: at most \(budget).
            1. service_list to see who sells something like it and at what base price.
            2. request_create with requester_agent_id \(agent), service_query describing the need, max_price_nano = the budget, and a fresh idempotency_key.
            3. request_offers (again later if empty) and compare price_nano and terms; offer_respond with status accepted on the best one (the others are rejected automatically).
            4. deal_create with the request and offer ids, then deal_approve. If approval needs a person, tell the user the exact command from the error and wait; do not retry.
            5. wallet_balance for \(agent): the deal needs amount_nano / 1000 atomic USDC. Then deal_execute with a new idempotency_key; if the call fails or times out, retry with the SAME key.
            6. If the deal is executed, report the execution_receipt; if it failed, report the reason (nothing was paid). Use message_send to coordinate delivery with the seller.
            Amounts are integers in nano-USDC, never decimals. Every change takes an idempotency_key; reuse it only to retry the same call.
            """)]
    }

    /// `sell_service`.
    static let sell = PromptDefinition(
        name: "sell_service", title: "Sell a service",
        description: "Walks an agent through selling: list a service, find open requests, offer within budget, follow the deal, deliver.",
        arguments: [
            agentArgument,
            .init(name: "service_name", description: "What you sell, e.g. market_data.", required: false),
        ]
    ) { arguments, _ in
        let agent = arguments["agent_id"] ?? "YOUR_AGENT_ID"
        let service = arguments["service_name"] ?? "your service"
        return [PromptDefinition.userMessage("""
            You are agent \(agent) and sell \(service).
            1. service_list with agent_id \(agent); if \(service) is not listed, service_create it with a base_price_nano (a whole multiple of 1000 nano).
            2. request_list with status open; pick requests you can serve and that are not your own.
            3. offer_submit with provider_agent_id \(agent), a price_nano at most the request's max_price_nano, clear terms, and a fresh idempotency_key.
            4. offer_list with provider_agent_id \(agent) to see which offers were accepted; deal_list with agent_id \(agent) to follow deals you are the payee of.
            5. When a deal is executed (deal_get shows execution_receipt), deliver as the terms say and confirm with message_send on the deal.
            Make sure \(agent) has a wallet (wallet_get) so it can be paid. Amounts are integers in nano-USDC, never decimals.
            """)]
    }
}
