import Foundation
import Store
import Testing
@testable import Tools

/// A store fault hook that crashes once at an armed point.
final class CrashSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var point: StoreFaultPoint?

    /// Crash the next time `point` is reached.
    func arm(_ point: StoreFaultPoint) { lock.withLock { self.point = point } }

    /// The hook for `StoreOptions.faultInjection`.
    var hook: @Sendable (StoreFaultPoint) -> StoreFaultAction {
        { reached in
            self.lock.withLock {
                guard reached == self.point else { return .proceed }
                self.point = nil
                return .crash
            }
        }
    }
}

/// Two processes (two store instances on one home) racing, and crashes in the middle of a deal.
@Suite(.serialized) struct ConcurrencyAndCrashTests {
    /// Runs both calls at once and returns their outputs.
    func race(_ first: @escaping @Sendable () async throws -> ToolOutput,
              _ second: @escaping @Sendable () async throws -> ToolOutput) async throws -> [ToolOutput] {
        async let a = Task.detached { try await first() }.value
        async let b = Task.detached { try await second() }.value
        return try await [a, b]
    }

    @Test(arguments: 0..<5)
    func racingAcceptsOfDifferentOffers(round: Int) async throws {
        let one = try makeMarketEnvironment(seed: UInt64(round))
        let two = try reopen(one, seed: UInt64(100 + round))
        let scenario = try await MarketScenario.make(one, funding: nil, wallets: false)
        let request = try await scenario.request()
        let offerA = try await scenario.offer(on: request, by: scenario.seller)
        let offerB = try await scenario.offer(on: request, by: scenario.rival)
        let outputs = try await race({ try await callTool("offer_respond", ["offer_id": .string(offerA), "status": "accepted"], in: one) },
                                     { try await callTool("offer_respond", ["offer_id": .string(offerB), "status": "accepted"], in: two) })
        #expect(outputs.filter { !$0.isError }.count == 1, "exactly one accept wins")
        let loser = try #require(outputs.first { $0.isError })
        #expect(loser.structured["error"] == "invalid_state_transition")
        let offers = try await succeed("request_offers", ["request_id": .string(request)], in: two)
        #expect(offers["offers"]?.arrayValue?.compactMap { $0["status"]?.stringValue }.sorted() == ["accepted", "rejected"])
        #expect(try await succeed("request_get", ["request_id": .string(request)], in: one)["status"] == "accepted")
    }

    @Test(arguments: [false, true])
    func racingExecutesPayOnce(sameKey: Bool) async throws {
        let one = try makeMarketEnvironment()
        let two = try reopen(one)
        let scenario = try await MarketScenario.make(one, funding: "10")
        let deal = try await scenario.approvedDeal(price: 2_000_000_000).deal
        let outputs = try await race(
            { try await callTool("deal_execute", ["deal_id": .string(deal), "idempotency_key": "k1"], in: one) },
            { try await callTool("deal_execute", ["deal_id": .string(deal), "idempotency_key": sameKey ? "k1" : "k2"], in: two) })
        if sameKey {
            #expect(outputs[0] == outputs[1], "a concurrent retry with the same key gets the first response")
            #expect(outputs[0].structured["status"] == "executed")
        } else {
            #expect(outputs.filter { !$0.isError }.count == 1, "exactly one execute wins")
            #expect(outputs.first { $0.isError }?.structured["error"] == "invalid_state_transition")
        }
        #expect(try await scenario.balance(scenario.buyer) == 8_000_000)
        #expect(try await scenario.balance(scenario.seller) == 2_000_000)
        #expect(try two.store.count(in: "sandbox_transfers") == 1)
    }

    @Test func crashBeforeTheCommitLandsLeavesNothingAndTheRetryPaysOnce() async throws {
        let crash = CrashSwitch()
        let environment = try makeMarketEnvironment(faults: crash.hook)
        let scenario = try await MarketScenario.make(environment, funding: "10")
        let deal = try await scenario.approvedDeal().deal
        crash.arm(.journalPartlyWritten)
        let crashed = try await callTool("deal_execute", ["deal_id": .string(deal), "idempotency_key": "k"], in: environment)
        #expect(crashed.structured["error"] == "internal_error")

        let restarted = try reopen(environment)
        let after = MarketScenario(environment: restarted, buyer: scenario.buyer, seller: scenario.seller, rival: scenario.rival)
        #expect(try await succeed("deal_get", ["deal_id": .string(deal)], in: restarted)["status"] == "approved")
        #expect(try await after.balance(scenario.buyer) == 10_000_000)
        #expect(try restarted.store.count(in: "idempotency") == 0)
        let retried = try await succeed("deal_execute", ["deal_id": .string(deal), "idempotency_key": "k"], in: restarted)
        #expect(retried["status"] == "executed")
        #expect(try await after.balance(scenario.buyer) == 8_500_000)
    }

    @Test func crashAfterTheCommitLandsReplaysTheResultAndPaysOnce() async throws {
        let crash = CrashSwitch()
        let environment = try makeMarketEnvironment(faults: crash.hook)
        let scenario = try await MarketScenario.make(environment, funding: "10")
        let deal = try await scenario.approvedDeal().deal
        crash.arm(.journalSynced)
        let crashed = try await callTool("deal_execute", ["deal_id": .string(deal), "idempotency_key": "k"], in: environment)
        #expect(crashed.structured["error"] == "internal_error", "the caller never heard back")

        let restarted = try reopen(environment)
        let after = MarketScenario(environment: restarted, buyer: scenario.buyer, seller: scenario.seller, rival: scenario.rival)
        let retried = try await succeed("deal_execute", ["deal_id": .string(deal), "idempotency_key": "k"], in: restarted)
        #expect(retried["status"] == "executed")
        #expect(try await after.balance(scenario.buyer) == 8_500_000)
        #expect(try await after.balance(scenario.seller) == 1_500_000)
        try await fail("deal_execute", ["deal_id": .string(deal), "idempotency_key": "other"], code: "invalid_state_transition", in: restarted)
        #expect(try restarted.store.count(in: "sandbox_transfers") == 1)
    }
}
