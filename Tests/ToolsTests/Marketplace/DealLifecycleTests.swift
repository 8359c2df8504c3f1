import Store
import Testing
@testable import Tools

/// Deals from creation to settlement through the tools, with real wallets on the sandbox ledger.
@Suite struct DealLifecycleTests {
    @Test func fullLifecycleSettlesForReal() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: "10")
        let made = try await scenario.deal(price: 1_500_000_000)
        let created = try await succeed("deal_get", ["deal_id": .string(made.deal)], in: environment)
        #expect(created["status"] == "awaiting_approval")
        #expect(created["payer_agent_id"] == .string(scenario.buyer))
        #expect(created["payee_agent_id"] == .string(scenario.seller))
        #expect(created["amount_nano"] == 1_500_000_000)
        #expect(created["approved_at"] == .null && created["executed_at"] == .null && created["execution_receipt"] == .null)
        #expect(created["created_at"] == "2026-02-20T10:30:00Z")

        try await fail("deal_execute", ["deal_id": .string(made.deal), "idempotency_key": "early"], code: "invalid_state_transition", in: environment)
        let approved = try await succeed("deal_approve", ["deal_id": .string(made.deal)], in: environment)
        #expect(approved["status"] == "approved" && approved["approved_at"] == "2026-02-20T10:30:00Z")
        try await succeed("message_send", ["deal_id": .string(made.deal), "sender_agent_id": .string(scenario.buyer), "content": "Ready to proceed?"], in: environment)

        let executed = try await succeed("deal_execute", ["deal_id": .string(made.deal), "idempotency_key": "exec-1"], in: environment)
        #expect(executed["status"] == "executed")
        #expect(executed["execution_receipt"]?.stringValue?.wholeMatch(of: /mcp_receipt_[0-9a-f]{16}/) != nil)
        #expect(executed["delivery_status"] == "delivered" && executed["deliverable_type"] == "json")
        #expect(executed["settlement"]?["transfer_id"] == .string("tx_" + made.deal))
        #expect(executed["settlement"]?["amount_atomic"] == "1500000")
        #expect(executed["history"]?.arrayValue?.compactMap { $0["event"]?.stringValue } == ["created", "approved", "executed"])
        #expect(try await scenario.balance(scenario.buyer) == 8_500_000)
        #expect(try await scenario.balance(scenario.seller) == 1_500_000)
        #expect(try await succeed("request_get", ["request_id": .string(made.request)], in: environment)["status"] == "closed")

        // The snapshot kept the terms; the history only grew.
        for key in ["id", "request_id", "offer_id", "payer_agent_id", "payee_agent_id", "amount_nano", "created_at", "service_query", "terms"] {
            #expect(executed[key] == created[key], "\(key) changed")
        }
        try await fail("deal_reject", ["deal_id": .string(made.deal)], code: "invalid_state_transition", in: environment)
        try await fail("deal_create", ["request_id": .string(made.request), "offer_id": .string(made.offer)], code: "invalid_state_transition", in: environment)
        let messages = try await succeed("message_list", ["deal_id": .string(made.deal)], in: environment)
        #expect(messages["messages"]?.arrayValue?.first?["content"] == "Ready to proceed?")
    }

    @Test func insufficientBalanceFailsTheDealAndMovesNothing() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: "1")
        let made = try await scenario.approvedDeal(price: 1_500_000_000)
        let output = try await callTool("deal_execute", ["deal_id": .string(made.deal), "idempotency_key": "x"], in: environment)
        #expect(!output.isError)
        #expect(output.structured["status"] == "failed")
        #expect(output.structured["failure"]?["code"] == "insufficient_balance")
        #expect(output.structured["execution_receipt"] == .null && output.structured["delivery_status"] == "not_delivered")
        #expect(output.text.contains("no money moved"))
        #expect(try await scenario.balance(scenario.buyer) == 1_000_000)
        #expect(try await scenario.balance(scenario.seller) == 0)
        #expect(try environment.store.count(in: "sandbox_transfers") == 0)
        #expect(try await succeed("request_get", ["request_id": .string(made.request)], in: environment)["status"] == "closed")
        try await fail("deal_execute", ["deal_id": .string(made.deal), "idempotency_key": "y"], code: "invalid_state_transition", in: environment)
    }

    @Test func missingWalletsFailTheDeal() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let made = try await scenario.approvedDeal(price: 1_000)
        let payer = try await succeed("deal_execute", ["deal_id": .string(made.deal), "idempotency_key": "x"], in: environment)
        #expect(payer["failure"]?["code"] == "payer_wallet_missing")
        #expect(payer["failure"]?["message"]?.stringValue?.contains("wallet_create") == true)

        let other = try makeMarketEnvironment()
        let funded = try await MarketScenario.make(other, funding: nil, wallets: false)
        try await succeed("wallet_create", ["agent_id": .string(funded.buyer), "company_id": "co"], in: other)
        try await succeed("wallet_fund", ["agent_id": .string(funded.buyer), "amount": "5"], in: other)
        let payee = try await succeed("deal_execute", ["deal_id": .string(try await funded.approvedDeal().deal), "idempotency_key": "x"], in: other)
        #expect(payee["failure"]?["code"] == "payee_wallet_missing")
        #expect(try await funded.balance(funded.buyer) == 5_000_000)
    }

    @Test func rejectCancelsAndClosesTheRequest() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let made = try await scenario.deal()
        try await fail("deal_create", ["request_id": .string(made.request), "offer_id": .string(made.offer)], code: "invalid_state_transition", in: environment)
        let cancelled = try await succeed("deal_reject", ["deal_id": .string(made.deal), "reason": "changed my mind"], in: environment)
        #expect(cancelled["status"] == "cancelled")
        #expect(cancelled["history"]?.arrayValue?.last?["note"] == "changed my mind")
        #expect(try await succeed("request_get", ["request_id": .string(made.request)], in: environment)["status"] == "closed")
        let approve = try await fail("deal_approve", ["deal_id": .string(made.deal)], code: "invalid_state_transition", in: environment)
        #expect(approve["details"] == ["entity": "deal", "id": .string(made.deal), "from": "cancelled", "to": "approved", "allowed": []])
    }

    @Test func dealsComeOnlyFromAcceptedOffersOfTheirRequest() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let request = try await scenario.request()
        let pending = try await scenario.offer(on: request, by: scenario.seller)
        let notAccepted = try await fail("deal_create", ["request_id": .string(request), "offer_id": .string(pending)],
                                         code: "invalid_state_transition", in: environment)
        #expect(notAccepted["details"]?["required"] == ["accepted"])
        let otherRequest = try await scenario.request()
        let wrongPair = try await fail("deal_create", ["request_id": .string(otherRequest), "offer_id": .string(pending)],
                                       code: "invalid_request", in: environment)
        #expect(wrongPair["details"]?["field"] == "offer_id")
        try await fail("deal_create", ["request_id": "req_000000000000", "offer_id": .string(pending)], code: "not_found", in: environment)
    }

    @Test func listsFilterAndPaginate() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: "100")
        var deals: [String] = []
        for _ in 0..<3 { deals.append(try await scenario.approvedDeal(price: 1_000_000).deal) }
        try await succeed("deal_execute", ["deal_id": .string(deals[1]), "idempotency_key": "e"], in: environment)
        let page1 = try await succeed("deal_list", ["agent_id": .string(scenario.seller), "limit": 2], in: environment)
        #expect(page1["deals"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == Array(deals.prefix(2)))
        let cursor = try #require(page1["next_cursor"])
        let page2 = try await succeed("deal_list", ["agent_id": .string(scenario.seller), "limit": 2, "cursor": cursor], in: environment)
        #expect(page2["deals"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [deals[2]])
        #expect(page2["next_cursor"] == nil)
        let executed = try await succeed("deal_list", ["status": "executed"], in: environment)
        #expect(executed["deals"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [deals[1]])
        #expect(try await succeed("deal_list", ["agent_id": .string(scenario.rival)], in: environment)["deals"] == [])
        #expect(try await succeed("request_list", ["status": "closed"], in: environment)["requests"]?.arrayValue?.count == 1)
        #expect(try await succeed("request_list", ["status": "accepted", "requester_agent_id": .string(scenario.buyer)], in: environment)["requests"]?.arrayValue?.count == 2)
        #expect(try await succeed("agent_list", ["capability": "negotiate", "limit": 1], in: environment)["next_cursor"] != nil)
        #expect(try await succeed("agent_list", ["capability": "fly"], in: environment)["agents"] == [])
        try await fail("agent_list", ["cursor": "not-a-cursor"], code: "invalid_request", in: environment)
        for index in 0..<3 {
            try await succeed("message_send", ["deal_id": .string(deals[0]), "sender_agent_id": .string(index % 2 == 0 ? scenario.buyer : scenario.seller),
                                               "content": .string("m\(index)")], in: environment)
        }
        let messages1 = try await succeed("message_list", ["deal_id": .string(deals[0]), "limit": 2], in: environment)
        #expect(messages1["messages"]?.arrayValue?.compactMap { $0["content"]?.stringValue } == ["m0", "m1"])
        let messages2 = try await succeed("message_list", ["deal_id": .string(deals[0]), "cursor": try #require(messages1["next_cursor"])], in: environment)
        #expect(messages2["messages"]?.arrayValue?.compactMap { $0["content"]?.stringValue } == ["m2"])
    }
}
