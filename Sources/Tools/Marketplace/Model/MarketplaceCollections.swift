/// The store collections of the marketplace.
enum MarketplaceCollections {
    /// Agents by id.
    static let agents = "agents"
    /// Services by id.
    static let services = "services"
    /// Requests by id.
    static let requests = "requests"
    /// Offers by id.
    static let offers = "offers"
    /// Deals by id.
    static let deals = "deals"
    /// Messages by id.
    static let messages = "messages"
    /// Per request: `{offer_ids, deal_ids}`, so a request's offers and deals are found without a scan.
    static let requestLinks = "request_links"
    /// Per deal: `{message_ids}`.
    static let dealMessages = "deal_messages"
    /// Idempotency records by `<tool>:<key>`.
    static let idempotency = "idempotency"
}
