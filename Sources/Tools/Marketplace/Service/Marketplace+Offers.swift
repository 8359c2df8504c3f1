import Store
import JSON

extension Marketplace {
    /// Submits `providerID`'s offer on an open request, at most its maximum price.
    func submitOffer(requestID: String, providerID: String, priceNano: Int64, terms: String,
                     idempotency: IdempotencyRequest) throws -> JSONObject {
        if let problem = NanoAmount.problem(priceNano) {
            throw ToolFailure.invalidRequest("`price_nano` \(problem)", field: "price_nano")
        }
        if let denial = Permissions.actAs(providerID, field: "provider_agent_id", action: "submit offers", actor: actor) { throw denial }
        return try mutate(idempotency) { change in
            let request = try change.transaction.request(requestID)
            _ = try change.transaction.agent(providerID, field: "provider_agent_id")
            if let denial = Permissions.submitOffer(provider: providerID, request: request, actor: actor) { throw denial }
            guard request.status == .open else {
                throw ToolFailure.wrongStatus("request", id: request.id, status: request.status.rawValue, action: "submit_offer", required: ["open"],
                                              message: "request \(request.id) is \(request.status.rawValue); offers are taken only while a request is open")
            }
            guard priceNano <= request.maxPriceNano else {
                throw ToolFailure(code: .priceExceeded,
                                  message: "the offer's price_nano \(priceNano) (\(NanoAmount.usdcString(priceNano)) USDC) is above request \(request.id)'s max_price_nano \(request.maxPriceNano) (\(NanoAmount.usdcString(request.maxPriceNano)) USDC); offer at most the maximum",
                                  details: ["field": "price_nano", "price_nano": .integer(priceNano), "max_price_nano": .integer(request.maxPriceNano),
                                            "request_id": .string(request.id)])
            }
            let offer = OfferRecord(id: try change.newID(.offer, in: MarketplaceCollections.offers), requestID: request.id,
                                    providerAgentID: providerID, priceNano: priceNano, terms: terms, status: .pending, createdAt: change.now)
            try change.put(offer)
            try change.updateLinks(ofRequest: request.id) { $0.offerIDs.append(offer.id) }
            return offer.json
        }
    }

    /// Accepts or rejects a pending offer. Accepting rejects every other pending offer on the
    /// request and moves the request to `accepted`.
    func respondToOffer(offerID: String, accept: Bool, idempotency: IdempotencyRequest) throws -> JSONObject {
        let target: OfferStatus = accept ? .accepted : .rejected
        return try mutate(idempotency) { change in
            var offer = try change.transaction.offer(offerID)
            let request = try change.transaction.request(offer.requestID)
            if let denial = Permissions.respondToOffer(request: request, actor: actor) { throw denial }
            guard offer.status.allowedTargets.contains(target) else { throw ToolFailure.invalidTransition(offer: offer, to: target) }
            guard request.status == .open else {
                throw ToolFailure.wrongStatus("request", id: request.id, status: request.status.rawValue, action: "respond_to_offer", required: ["open"],
                                              message: "request \(request.id) is \(request.status.rawValue); offers can be accepted or rejected only while it is open")
            }
            offer.status = target
            offer.respondedAt = change.now
            try change.put(offer)
            var competitors: [String] = []
            if accept {
                for id in try change.transaction.links(ofRequest: request.id).offerIDs where id != offer.id {
                    var other = try change.transaction.offer(id)
                    guard other.status == .pending else { continue }
                    other.status = .rejected
                    other.respondedAt = change.now
                    try change.put(other)
                    competitors.append(id)
                }
            }
            let updated = try change.refreshStatus(of: request)
            return ["id": .string(offer.id), "status": .string(offer.status.rawValue), "request_id": .string(request.id),
                    "request_status": .string(updated.status.rawValue),
                    "auto_rejected_competitors": .array(competitors.map { .string($0) })]
        }
    }
}
