import Store
import JSON

extension Marketplace {
    /// Creates an active agent. Operators only.
    func createAgent(name: String, capabilities: [String], idempotency: IdempotencyRequest) throws -> JSONObject {
        if let denial = Permissions.createAgent(actor: actor) { throw denial }
        return try mutate(idempotency) { change in
            let agent = AgentRecord(id: try change.newID(.agent, in: MarketplaceCollections.agents), name: name,
                                    capabilities: capabilities, createdAt: change.now)
            try change.put(agent)
            return agent.json
        }
    }

    /// Lists a service of `agentID` at `basePriceNano` (0 or a whole number of atomic units).
    func createService(agentID: String, serviceName: String, basePriceNano: Int64, description: String?,
                       idempotency: IdempotencyRequest) throws -> JSONObject {
        if let problem = NanoAmount.problem(basePriceNano, allowZero: true) {
            throw ToolFailure.invalidRequest("`base_price_nano` \(problem)", field: "base_price_nano")
        }
        if let denial = Permissions.actAs(agentID, field: "agent_id", action: "list services", actor: actor) { throw denial }
        return try mutate(idempotency) { change in
            _ = try change.transaction.agent(agentID)
            let service = ServiceRecord(id: try change.newID(.service, in: MarketplaceCollections.services), agentID: agentID,
                                        serviceName: serviceName, basePriceNano: basePriceNano, description: description,
                                        createdAt: change.now)
            try change.put(service)
            return service.json
        }
    }
}
