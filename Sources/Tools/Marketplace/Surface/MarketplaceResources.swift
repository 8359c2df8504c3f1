import Store
import JSON

/// `tak://agents/{agent_id}`, `tak://requests/{request_id}` (with its offers) and
/// `tak://deals/{deal_id}` (with its history and messages), each completable by id prefix.
enum MarketplaceResources {
    /// All three templates.
    static let templates = [agent, request, deal]

    /// One agent.
    static let agent = template(
        MarketplaceCollections.agents, variable: "agent_id", name: "agent", title: "Marketplace agent",
        description: "A marketplace agent: name, capabilities and status."
    ) { id, market in
        try market.agent(id).json
    }

    /// One request with its offers.
    static let request = template(
        MarketplaceCollections.requests, variable: "request_id", name: "request", title: "Service request",
        description: "A service request with every offer on it, oldest first."
    ) { id, market in
        let request = try market.request(id)
        var json = request.json
        json["offers"] = .array(try market.offers(on: request).map { .object($0.json) })
        return json
    }

    /// One deal with its history and messages (messages only for its parties or an operator).
    static let deal = template(
        MarketplaceCollections.deals, variable: "deal_id", name: "deal", title: "Deal",
        description: "A deal: its fixed terms, state, receipt and history, with the messages on it (for its parties or an operator)."
    ) { id, market in
        let deal = try market.deal(id)
        var json = deal.json
        if let page = try? market.messages(of: deal, cursor: nil, limit: 1000) {
            json["messages"] = .array(page.items.map(JSONValue.object))
        }
        return json
    }

    /// The template `tak://<collection>/{<variable>}`: its text is `document`'s JSON (no such
    /// resource for `not_found`), and its ids complete from the records of `collection`.
    private static func template(_ collection: String, variable: String, name: String, title: String, description: String,
                                 document: @escaping @Sendable (_ id: String, Marketplace) throws -> JSONObject)
        -> ResourceTemplateDefinition
    {
        ResourceTemplateDefinition(
            uriTemplate: "tak://\(collection)/{\(variable)}", name: name, title: title, description: description,
            read: { id, context in
                do {
                    return JSONValue.object(try document(id, context.environment.marketplace)).jsonText
                } catch let failure as ToolFailure where failure.code == .notFound {
                    return nil
                }
            },
            complete: { prefix, context in
                try context.environment.store.ids(in: collection, prefix: prefix)
            })
    }
}
