import Store

/// Everything the marketplace adds to `ToolCatalog.standard`.
enum MarketplaceCatalog {
    /// The tools, in listing order.
    static let tools: [AnyTool] = [
        AnyTool(AgentListTool()), AnyTool(AgentGetTool()), AnyTool(AgentCreateTool()),
        AnyTool(ServiceListTool()), AnyTool(ServiceCreateTool()),
        AnyTool(RequestListTool()), AnyTool(RequestGetTool()), AnyTool(RequestCreateTool()), AnyTool(RequestOffersTool()),
        AnyTool(OfferListTool()), AnyTool(OfferSubmitTool()), AnyTool(OfferRespondTool()),
        AnyTool(DealListTool()), AnyTool(DealGetTool()), AnyTool(DealCreateTool()), AnyTool(DealApproveTool()),
        AnyTool(DealExecuteTool()), AnyTool(DealRejectTool()),
        AnyTool(MessageListTool()), AnyTool(MessageSendTool()),
    ]

    /// `tak://agents/{agent_id}`, `tak://requests/{request_id}`, `tak://deals/{deal_id}`.
    static let resourceTemplates = MarketplaceResources.templates

    /// `buy_service` and `sell_service`.
    static let prompts = MarketplacePrompts.all
}
