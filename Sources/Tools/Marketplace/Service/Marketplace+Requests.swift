import Store
import JSON

extension Marketplace {
    /// Opens a request of `requesterID` for `serviceQuery`, paying at most `maxPriceNano`.
    func createRequest(requesterID: String, serviceQuery: String, maxPriceNano: Int64,
                       idempotency: IdempotencyRequest) throws -> JSONObject {
        if let denial = Permissions.actAs(requesterID, field: "requester_agent_id", action: "create requests", actor: actor) { throw denial }
        return try mutate(idempotency) { change in
            _ = try change.transaction.agent(requesterID, field: "requester_agent_id")
            let request = RequestRecord(id: try change.newID(.request, in: MarketplaceCollections.requests), requesterAgentID: requesterID,
                                        serviceQuery: serviceQuery, maxPriceNano: maxPriceNano, status: .open, createdAt: change.now)
            try change.put(request)
            return request.json
        }
    }
}
