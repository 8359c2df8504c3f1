import Store
import Testing
@testable import Tools
import JSON

/// Offers: submission rules, acceptance with auto-rejected competitors, request status.
@Suite struct OfferTests {
    @Test func acceptingRejectsEveryCompetitor() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let request = try await scenario.request()
        let first = try await scenario.offer(on: request, by: scenario.seller, price: 1_500_000_000)
        let second = try await scenario.offer(on: request, by: scenario.rival, price: 1_200_000_000)
        let third = try await scenario.offer(on: request, by: scenario.rival, price: 1_900_000_000)
        try await succeed("offer_respond", ["offer_id": .string(third), "status": "rejected"], in: environment)
        #expect(try await succeed("request_get", ["request_id": .string(request)], in: environment)["status"] == "open")

        let accepted = try await succeed("offer_respond", ["offer_id": .string(second), "status": "accepted"], in: environment)
        #expect(accepted == ["id": .string(second), "status": "accepted", "request_id": .string(request), "request_status": "accepted",
                             "auto_rejected_competitors": [.string(first)]])
        let offers = try await succeed("request_offers", ["request_id": .string(request)], in: environment)
        #expect(offers["offers"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["rejected", "accepted", "rejected"])
        #expect(try await succeed("request_get", ["request_id": .string(request)], in: environment)["status"] == "accepted")

        let again = try await fail("offer_respond", ["offer_id": .string(first), "status": "accepted"], code: "invalid_state_transition", in: environment)
        #expect(again["details"] == ["entity": "offer", "id": .string(first), "from": "rejected", "to": "accepted", "allowed": []])
        try await fail("offer_submit", ["request_id": .string(request), "provider_agent_id": .string(scenario.seller), "price_nano": 1_000,
                                        "terms": "late"], code: "invalid_state_transition", in: environment)
    }

    @Test func submissionRules() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let request = try await scenario.request(max: 2_000_000_000)
        func submit(_ provider: String, _ price: Int64) -> JSONValue {
            ["request_id": .string(request), "provider_agent_id": .string(provider), "price_nano": .integer(price), "terms": "t"]
        }
        let above = try await fail("offer_submit", submit(scenario.seller, 2_000_001_000), code: "price_exceeded", in: environment)
        #expect(above["details"]?["max_price_nano"] == 2_000_000_000)
        let own = try await fail("offer_submit", submit(scenario.buyer, 1_000), code: "permission_denied", in: environment)
        #expect(own["message"]?.stringValue?.contains("own request") == true)
        let fraction = try await fail("offer_submit", submit(scenario.seller, 1_500_000_500), code: "invalid_request", in: environment)
        #expect(fraction["details"]?["field"] == "price_nano")
        try await fail("offer_submit", submit(scenario.seller, 0), code: "invalid_request", in: environment)
        try await fail("offer_submit", submit("ag_nobody", 1_000), code: "not_found", in: environment)
        let exact = try await succeed("offer_submit", submit(scenario.seller, 2_000_000_000), in: environment)
        #expect(exact["status"] == "pending")
        #expect(exact["responded_at"] == .null)
        let listed = try await succeed("offer_list", ["provider_agent_id": .string(scenario.seller), "status": "pending"], in: environment)
        #expect(listed["offers"]?.arrayValue?.count == 1)
    }

    @Test func servicesNeedWholeAtomicUnits() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let bad = try await fail("service_create", ["agent_id": .string(scenario.seller), "service_name": "market_data", "base_price_nano": 1_500_000_001],
                                 code: "invalid_request", in: environment)
        #expect(bad["details"]?["field"] == "base_price_nano")
        let service = try await succeed("service_create", ["agent_id": .string(scenario.seller), "service_name": "market_data",
                                                           "base_price_nano": 1_500_000_000, "description": "Quarterly data"], in: environment)
        #expect(service["base_price_nano"] == 1_500_000_000)
        try await succeed("service_create", ["agent_id": .string(scenario.rival), "service_name": "free_sample", "base_price_nano": 0], in: environment)
        let mine = try await succeed("service_list", ["agent_id": .string(scenario.seller)], in: environment)
        #expect(mine["services"]?.arrayValue?.map { $0["id"] } == [service["id"]])
        try await fail("service_create", ["agent_id": "ag_missing", "service_name": "x", "base_price_nano": 1_000], code: "not_found", in: environment)
    }
}
