import Store

extension Marketplace {
    /// Agents, optionally only those with `status` or `capability`.
    func agents(status: String?, capability: String?, cursor: String?, limit: Int) throws -> MarketplacePage {
        try Self.guarded {
            try MarketplacePage.scan(store, collection: MarketplaceCollections.agents, entity: "agent", cursor: cursor, limit: limit) { value in
                guard let agent = AgentRecord(json: value) else { return nil }
                let keep = (status == nil || agent.status == status) && (capability == nil || agent.capabilities.contains(capability!))
                return .some(keep ? agent.json : nil)
            }
        }
    }

    /// Services, optionally of one provider.
    func services(agentID: String?, cursor: String?, limit: Int) throws -> MarketplacePage {
        try Self.guarded {
            try MarketplacePage.scan(store, collection: MarketplaceCollections.services, entity: "service", cursor: cursor, limit: limit) { value in
                guard let service = ServiceRecord(json: value) else { return nil }
                return .some(agentID == nil || service.agentID == agentID ? service.json : nil)
            }
        }
    }

    /// Requests, optionally with one status or of one requester.
    func requests(status: RequestStatus?, requesterID: String?, cursor: String?, limit: Int) throws -> MarketplacePage {
        try Self.guarded {
            try MarketplacePage.scan(store, collection: MarketplaceCollections.requests, entity: "request", cursor: cursor, limit: limit) { value in
                guard let request = RequestRecord(json: value) else { return nil }
                let keep = (status == nil || request.status == status) && (requesterID == nil || request.requesterAgentID == requesterID)
                return .some(keep ? request.json : nil)
            }
        }
    }

    /// Offers, optionally of one request, status or provider.
    func offers(requestID: String?, status: OfferStatus?, providerID: String?, cursor: String?, limit: Int) throws -> MarketplacePage {
        try Self.guarded {
            try MarketplacePage.scan(store, collection: MarketplaceCollections.offers, entity: "offer", cursor: cursor, limit: limit) { value in
                guard let offer = OfferRecord(json: value) else { return nil }
                let keep = (requestID == nil || offer.requestID == requestID) && (status == nil || offer.status == status)
                    && (providerID == nil || offer.providerAgentID == providerID)
                return .some(keep ? offer.json : nil)
            }
        }
    }

    /// Deals, optionally with one status or with one agent as payer or payee.
    func deals(status: DealState?, agentID: String?, cursor: String?, limit: Int) throws -> MarketplacePage {
        try Self.guarded {
            try MarketplacePage.scan(store, collection: MarketplaceCollections.deals, entity: "deal", cursor: cursor, limit: limit) { value in
                guard let deal = DealRecord(json: value) else { return nil }
                let keep = (status == nil || deal.status == status) && (agentID == nil || deal.terms.isParty(agentID!))
                return .some(keep ? deal.json : nil)
            }
        }
    }

    /// One agent.
    func agent(_ id: String) throws -> AgentRecord { try Self.guarded { try store.agent(id) } }

    /// One request.
    func request(_ id: String) throws -> RequestRecord { try Self.guarded { try store.request(id) } }

    /// One deal.
    public func deal(_ id: String) throws -> DealRecord { try Self.guarded { try store.deal(id) } }

    /// All offers on request `id` (which must exist), in submission order.
    func offers(onRequest id: String) throws -> [OfferRecord] {
        try offers(on: try request(id))
    }

    /// All offers on `request`, in submission order.
    func offers(on request: RequestRecord) throws -> [OfferRecord] {
        try Self.guarded { try store.links(ofRequest: request.id).offerIDs.map { try store.offer($0) } }
    }
}
