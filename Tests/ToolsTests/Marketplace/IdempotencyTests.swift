import Store
import Testing
@testable import Tools
import JSON

/// Idempotency keys: replay, conflict, persistence across reopening the store.
@Suite struct IdempotencyTests {
    @Test func canonicalTextIgnoresKeyOrder() {
        let a: JSONValue = ["b": 1, "a": ["y": true, "x": [1, ["q": 2, "p": 3]]]]
        let b: JSONValue = ["a": ["x": [1, ["p": 3, "q": 2]], "y": true], "b": 1]
        #expect(Idempotency.canonicalText(a) == Idempotency.canonicalText(b))
        #expect(Idempotency.canonicalText(a) == #"{"a":{"x":[1,{"p":3,"q":2}],"y":true},"b":1}"#)
    }

    @Test func fingerprintIgnoresTheKeyAndTheDefaultVersionButNotTheActor() {
        let one = IdempotencyRequest(tool: "t", key: "k", arguments: ["name": "x", "idempotency_key": "k"], schemaVersion: "tak/0.1", actor: .operator)
        let two = IdempotencyRequest(tool: "t", key: "k", arguments: ["name": "x", "schema_version": "tak/0.1"], schemaVersion: "tak/0.1", actor: .operator)
        let other = IdempotencyRequest(tool: "t", key: "k", arguments: ["name": "x"], schemaVersion: "tak/0.1", actor: .agent("ag_1"))
        #expect(one.fingerprint == two.fingerprint)
        #expect(one.fingerprint != other.fingerprint)
        #expect(one.recordID == "t:k")
    }

    @Test func sameKeySameArgumentsReplaysWithoutActingTwice() async throws {
        let environment = try makeMarketEnvironment()
        let arguments: JSONValue = ["name": "Buyer", "capabilities": ["request_service"], "idempotency_key": "create-buyer-1"]
        let first = try await callTool("agent_create", arguments, in: environment)
        let again = try await callTool("agent_create", arguments, in: environment)
        #expect(first == again, "the same response, byte for byte")
        #expect(try environment.store.count(in: "agents") == 1)
        let explicitVersion = try await callTool("agent_create", ["name": "Buyer", "capabilities": ["request_service"],
                                                                  "idempotency_key": "create-buyer-1", "schema_version": "tak/0.1"], in: environment)
        #expect(explicitVersion == first)
        // Without a key every call acts.
        try await succeed("agent_create", ["name": "Buyer", "capabilities": []], in: environment)
        try await succeed("agent_create", ["name": "Buyer", "capabilities": []], in: environment)
        #expect(try environment.store.count(in: "agents") == 3)
    }

    @Test func sameKeyDifferentArgumentsIsAConflict() async throws {
        let environment = try makeMarketEnvironment()
        try await succeed("agent_create", ["name": "Buyer", "capabilities": [], "idempotency_key": "k1"], in: environment)
        let conflict = try await fail("agent_create", ["name": "Seller", "capabilities": [], "idempotency_key": "k1"],
                                      code: "idempotency_conflict", in: environment)
        #expect(conflict["details"]?["field"] == "idempotency_key")
        #expect(try environment.store.count(in: "agents") == 1)
        // Keys are per tool: the same key on another tool is a different action.
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        try await succeed("request_create", ["requester_agent_id": .string(scenario.buyer), "service_query": "q", "max_price_nano": 5_000,
                                             "idempotency_key": "k1"], in: environment)
    }

    @Test func anotherAgentReusingAKeyIsAConflictNotAReplay() async throws {
        let operatorSession = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(operatorSession, funding: nil, wallets: false)
        let arguments: JSONValue = ["requester_agent_id": .string(scenario.buyer), "service_query": "q", "max_price_nano": 5_000, "idempotency_key": "rq"]
        try await succeed("request_create", arguments, in: operatorSession)
        let bound = try reopen(operatorSession, variables: ["TAK_AGENT_ID": scenario.buyer])
        try await fail("request_create", arguments, code: "idempotency_conflict", in: bound)
    }

    @Test func recordsSurviveReopeningTheStore() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment)
        let made = try await scenario.approvedDeal()
        let execute: JSONValue = ["deal_id": .string(made.deal), "idempotency_key": "exec-1"]
        let first = try await callTool("deal_execute", execute, in: environment)
        #expect(first.structured["status"] == "executed", "\(first.text)")
        let buyerAfter = try await scenario.balance(scenario.buyer)

        let restarted = try reopen(environment)
        let replay = try await callTool("deal_execute", execute, in: restarted)
        #expect(replay.structuredContent == first.structuredContent)
        #expect(try await MarketScenario(environment: restarted, buyer: scenario.buyer, seller: scenario.seller, rival: scenario.rival)
            .balance(scenario.buyer) == buyerAfter, "paid once")
        try await fail("deal_execute", ["deal_id": .string(made.deal), "idempotency_key": "exec-2"], code: "invalid_state_transition", in: restarted)
        try await fail("deal_approve", ["deal_id": .string(made.deal), "idempotency_key": "exec-1"], code: "invalid_state_transition", in: restarted)
        #expect(try restarted.store.count(in: "sandbox_transfers") == 1)
    }

    @Test func failuresAreNotRecordedSoARetryCanSucceed() async throws {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let request = try await scenario.request(max: 1_000_000)
        let arguments: JSONValue = ["request_id": .string(request), "provider_agent_id": .string(scenario.seller), "price_nano": 2_000_000,
                                    "terms": "t", "idempotency_key": "offer-1"]
        try await fail("offer_submit", arguments, code: "price_exceeded", in: environment)
        #expect(try environment.store.count(in: "idempotency") == 0)
        var cheaper = arguments.objectValue!
        cheaper["price_nano"] = 1_000_000
        try await succeed("offer_submit", .object(cheaper), in: environment)
    }
}
