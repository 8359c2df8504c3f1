import Store
import Testing
@testable import Tools

/// Bound sessions act only as their agent; in human mode no tool call approves a deal.
@Suite struct IdentityAndApprovalTests {
    @Test func boundSessionsActOnlyAsThemselves() async throws {
        let operatorSession = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(operatorSession, funding: "10")
        let buyer = try reopen(operatorSession, variables: ["TAK_AGENT_ID": scenario.buyer], seed: 1)
        let seller = try reopen(operatorSession, variables: ["TAK_AGENT_ID": scenario.seller], seed: 2)

        try await fail("agent_create", ["name": "Sneaky", "capabilities": []], code: "permission_denied", in: buyer)
        try await fail("request_create", ["requester_agent_id": .string(scenario.seller), "service_query": "q", "max_price_nano": 5_000],
                       code: "permission_denied", in: buyer)
        let request = try #require(try await succeed("request_create", ["requester_agent_id": .string(scenario.buyer), "service_query": "q",
                                                                         "max_price_nano": 2_000_000_000], in: buyer)["id"])
        let asOther = try await fail("offer_submit", ["request_id": request, "provider_agent_id": .string(scenario.rival), "price_nano": 1_000_000,
                                                      "terms": "t"], code: "permission_denied", in: seller)
        #expect(asOther["details"]?["acting_as"] == .string(scenario.seller))
        let offer = try #require(try await succeed("offer_submit", ["request_id": request, "provider_agent_id": .string(scenario.seller),
                                                                     "price_nano": 1_000_000, "terms": "t"], in: seller)["id"])
        try await fail("offer_respond", ["offer_id": offer, "status": "accepted"], code: "permission_denied", in: seller)
        try await succeed("offer_respond", ["offer_id": offer, "status": "accepted"], in: buyer)
        let deal = try #require(try await succeed("deal_create", ["request_id": request, "offer_id": offer], in: seller)["id"])
        try await fail("deal_approve", ["deal_id": deal], code: "permission_denied", in: seller)
        try await fail("deal_reject", ["deal_id": deal], code: "permission_denied", in: seller)
        try await succeed("deal_approve", ["deal_id": deal], in: buyer)
        try await fail("deal_execute", ["deal_id": deal, "idempotency_key": "k"], code: "permission_denied", in: seller)
        try await fail("message_send", ["deal_id": deal, "sender_agent_id": .string(scenario.buyer), "content": "hi"], code: "permission_denied", in: seller)
        try await succeed("message_send", ["deal_id": deal, "sender_agent_id": .string(scenario.seller), "content": "hi"], in: seller)
        let executed = try await succeed("deal_execute", ["deal_id": deal, "idempotency_key": "k"], in: buyer)
        #expect(executed["history"]?.arrayValue?.compactMap { $0["by"]?.stringValue } == [scenario.seller, scenario.buyer, scenario.buyer])

        let stranger = try reopen(operatorSession, variables: ["TAK_AGENT_ID": scenario.rival], seed: 3)
        try await fail("message_list", ["deal_id": deal], code: "permission_denied", in: stranger)
        try await fail("message_send", ["deal_id": deal, "sender_agent_id": .string(scenario.rival), "content": "hi"], code: "permission_denied", in: stranger)
        try await fail("message_send", ["deal_id": deal, "sender_agent_id": .string(scenario.rival), "content": "hi"], code: "permission_denied", in: operatorSession)
        #expect(try await succeed("deal_get", ["deal_id": deal], in: stranger)["status"] == "executed", "reads are open")
    }

    @Test func humanModeRefusesToolApprovalAndNamesTheCommand() async throws {
        let environment = try makeMarketEnvironment(variables: ["TAK_DEAL_APPROVAL": "human"])
        let scenario = try await MarketScenario.make(environment, funding: "10")
        let made = try await scenario.deal()
        let refusal = try await fail("deal_approve", ["deal_id": .string(made.deal), "idempotency_key": "a"], code: "permission_denied", in: environment)
        let command = "tak-mcp deals approve \(made.deal)"
        #expect(refusal["details"]?["command"] == .string(command))
        #expect(refusal["details"]?["approval_mode"] == "human")
        #expect(refusal["message"]?.stringValue?.contains(command) == true)
        #expect(try await succeed("deal_get", ["deal_id": .string(made.deal)], in: environment)["status"] == "awaiting_approval")
        try await fail("deal_execute", ["deal_id": .string(made.deal), "idempotency_key": "e"], code: "invalid_state_transition", in: environment)

        // The person's way in: what `tak-mcp deals approve` and an accepted elicitation call.
        let approved = try environment.marketplace.approveAsPerson(dealID: made.deal)
        #expect(approved["status"] == "approved")
        #expect(approved["history"]?.arrayValue?.last?["by"] == "person")
        #expect(throws: ToolFailure.self) { try environment.marketplace.approveAsPerson(dealID: made.deal) }
        try await fail("deal_approve", ["deal_id": .string(made.deal)], code: "invalid_state_transition", in: environment)
        try await succeed("deal_execute", ["deal_id": .string(made.deal), "idempotency_key": "e"], in: environment)

        let question = HumanApproval.question(for: try environment.marketplace.deal(made.deal))
        #expect(question.message.contains("1.50 USDC") && question.message.contains(scenario.seller))
        #expect(question.requestedSchema["required"] == ["approve"])
    }

    @Test func rejectingStillWorksInHumanMode() async throws {
        let environment = try makeMarketEnvironment(variables: ["TAK_DEAL_APPROVAL": "human"])
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let made = try await scenario.deal()
        try await succeed("deal_reject", ["deal_id": .string(made.deal)], in: environment)
    }
}
