import Store
import Testing
@testable import Tools

/// Every TAK error code, as the tools return it: `{error, message, details}` with `isError`.
@Suite struct ErrorCodeTests {
    @Test func everyCode() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let request = try await scenario.request(max: 1_000_000)

        let missingField = try await fail("request_create", ["requester_agent_id": .string(scenario.buyer), "service_query": "q"],
                                          code: "invalid_request", in: environment)
        #expect(missingField["details"]?["field"] == "max_price_nano")
        let version = try await fail("agent_create", ["name": "x", "capabilities": [], "schema_version": "tak/0.2"], code: "invalid_request", in: environment)
        #expect(version["details"]?["supported"] == ["tak/0.1"])
        #expect(version["message"]?.stringValue?.contains("tak/0.1") == true)
        let noKey = try await fail("deal_execute", ["deal_id": "deal_000000000000"], code: "invalid_request", in: environment)
        #expect(noKey["details"]?["field"] == "idempotency_key")

        try await succeed("agent_create", ["name": "x", "capabilities": [], "idempotency_key": "same"], in: environment)
        try await fail("agent_create", ["name": "y", "capabilities": [], "idempotency_key": "same"], code: "idempotency_conflict", in: environment)

        let missing = try await fail("deal_get", ["deal_id": "deal_000000000000"], code: "not_found", in: environment)
        #expect(missing["details"] == ["entity": "deal", "id": "deal_000000000000", "field": "deal_id"])
        try await fail("agent_get", ["agent_id": "ag_000000000000"], code: "not_found", in: environment)
        try await fail("request_offers", ["request_id": "req_000000000000"], code: "not_found", in: environment)
        try await fail("message_list", ["deal_id": "deal_000000000000"], code: "not_found", in: environment)

        let made = try await scenario.deal(price: 1_000)
        let early = try await fail("deal_execute", ["deal_id": .string(made.deal), "idempotency_key": "k"], code: "invalid_state_transition", in: environment)
        #expect(early["details"] == ["entity": "deal", "id": .string(made.deal), "from": "awaiting_approval", "to": "executed",
                                     "allowed": ["approved", "cancelled"]])

        try await fail("offer_submit", ["request_id": .string(request), "provider_agent_id": .string(scenario.seller), "price_nano": 2_000_000,
                                        "terms": "t"], code: "price_exceeded", in: environment)
        try await fail("offer_submit", ["request_id": .string(request), "provider_agent_id": .string(scenario.buyer), "price_nano": 1_000,
                                        "terms": "t"], code: "permission_denied", in: environment)

        // internal_error: a damaged record is reported, not crashed on, and nothing changes.
        try environment.store.put(collection: "deals", id: "deal_damaged", value: ["id": "deal_damaged"])
        let damaged = try await fail("deal_get", ["deal_id": "deal_damaged"], code: "internal_error", in: environment)
        #expect(damaged["message"]?.stringValue?.contains("doctor") == true)
        try await fail("deal_list", [:], code: "internal_error", in: environment)
    }
}
