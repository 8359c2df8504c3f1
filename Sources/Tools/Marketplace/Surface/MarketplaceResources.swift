import Store

/// `tak://agents/{agent_id}`, `tak://requests/{request_id}` (with its offers) and
/// `tak://deals/{deal_id}` (with its history and messages), each completable by id prefix.
enum MarketplaceResources {
    /// All three templates.
    static let templates = [agent, request, deal]

    /// One agent.
    static let agent = ResourceTemplateDefinition(
        uriTemplate: "tak://agents/{agent_id}", name: "agent", title: "Marketplace agent",
        description: "A marketplace agent: name, capabilities and status.",
        read: { id, context in
            try read { try context.environment.marketplace.agent(id).json }
        },
        complete: { prefix, context in
            try context.environment.marketplace.ids(in: MarketplaceCollections.agents, prefix: prefix)
        })

    /// One request with its offers.
    static let request = ResourceTemplateDefinition(
        uriTemplate: "tak://requests/{request_id}", name: "request", title: "Service request",
        description: "A service request with every offer on it, oldest first.",
        read: { id, context in
            try read {
                let market = context.environment.marketplace
                var json = try market.request(id).json
                json["offers"] = .array(try market.offers(onRequest: id).map { .object($0.json) })
                return json
            }
        },
        complete: { prefix, context in
            try context.environment.marketplace.ids(in: MarketplaceCollections.requests, prefix: prefix)
        })

    /// One deal with its history and messages (messages only for its parties or an operator).
    static let deal = ResourceTemplateDefinition(
        uriTemplate: "tak://deals/{deal_id}", name: "deal", title: "Deal",
        description: "A deal: its fixed terms, state, receipt and history, with the messages on it (for its parties or an operator).",
        read: { id, context in
            try read {
                let market = context.environment.marketplace
                var json = try market.deal(id).json
                if let page = try? market.messages(dealID: id, cursor: nil, limit: 1000) {
                    json["messages"] = .array(page.items.map(JSONValue.object))
                }
                return json
            }
        },
        complete: { prefix, context in
            try context.environment.marketplace.ids(in: MarketplaceCollections.deals, prefix: prefix)
        })

    /// The resource text of `body`'s JSON; nil (no such resource) for `not_found`.
    private static func read(_ body: () throws -> JSONObject) throws -> String? {
        do {
            return JSONValue.object(try body()).jsonText
        } catch let failure as ToolFailure where failure.code == "not_found" {
            return nil
        }
    }
}
