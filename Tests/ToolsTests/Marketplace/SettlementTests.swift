import Foundation
import Store
import Testing
@testable import Tools

/// A settlement double: balances in a store collection, with switches for refusals and errors.
struct FakeSettlement: DealSettlement {
    /// What `prepare` and `settle` do.
    enum Behaviour: Sendable { case pay, refuseToPrepare, refuseToSettle, throwInSettle }
    /// The chosen behaviour.
    let behaviour: Behaviour

    func prepare(_ order: SettlementOrder) throws -> Result<String, SettlementRefusal> {
        behaviour == .refuseToPrepare ? .failure(SettlementRefusal(code: .payerWalletMissing, message: "no wallet")) : .success("signed:\(order.dealID)")
    }

    func settle(_ prepared: String, order: SettlementOrder, now: Int64, in transaction: Transaction) throws -> Result<SettlementReceipt, SettlementRefusal> {
        switch behaviour {
        case .refuseToSettle: return .failure(SettlementRefusal(code: .insufficientBalance, message: "too poor"))
        case .throwInSettle: throw StoreError(.ioFailure, "disk gone")
        default:
            try transaction.put(collection: "fake_transfers", id: order.transferID, value: ["amount": .integer(Int64(order.amountAtomic)), "auth": .string(prepared)])
            return .success(SettlementReceipt(transferID: order.transferID, receiptID: "mcp_receipt_fake", details: ["fake": true]))
        }
    }
}

/// The marketplace over a fake settlement: the two phases and what each outcome does to the deal.
@Suite struct SettlementTests {
    func approvedDeal(_ behaviour: FakeSettlement.Behaviour) async throws -> (Marketplace, String, ToolEnvironment) {
        let environment = try makeMarketEnvironment()
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let deal = try await scenario.approvedDeal(price: 3_000).deal
        let market = Marketplace(store: environment.store, actor: .operator, approvalMode: .agent, clock: environment.clock,
                                 random: environment.random, settlement: FakeSettlement(behaviour: behaviour))
        return (market, deal, environment)
    }

    func key(_ key: String) -> IdempotencyRequest {
        IdempotencyRequest(tool: "deal_execute", key: key, arguments: [:], schemaVersion: "tak/0.1", actor: .operator)
    }

    @Test func paymentAndDealCommitTogether() async throws {
        let (market, deal, environment) = try await approvedDeal(.pay)
        let result = try market.executeDeal(dealID: deal, idempotency: key("a"))
        #expect(result["status"] == "executed" && result["execution_receipt"] == "mcp_receipt_fake")
        #expect(try environment.store.get(collection: "fake_transfers", id: "tx_" + deal) == ["amount": 3, "auth": .string("signed:\(deal)")])
    }

    @Test(arguments: [FakeSettlement.Behaviour.refuseToPrepare, .refuseToSettle])
    func refusalsFailTheDeal(behaviour: FakeSettlement.Behaviour) async throws {
        let (market, deal, environment) = try await approvedDeal(behaviour)
        let result = try market.executeDeal(dealID: deal, idempotency: key("a"))
        #expect(result["status"] == "failed")
        #expect(result["failure"]?["code"] == (behaviour == .refuseToPrepare ? "payer_wallet_missing" : "insufficient_balance"))
        #expect(try environment.store.count(in: "fake_transfers") == 0)
        #expect(try market.executeDeal(dealID: deal, idempotency: key("a")) == result)
    }

    @Test func anErrorInSettlementChangesNothing() async throws {
        let (market, deal, environment) = try await approvedDeal(.throwInSettle)
        #expect(throws: ToolFailure.internalError("")) {
            do { _ = try market.executeDeal(dealID: deal, idempotency: key("a")) } catch let failure as ToolFailure {
                throw ToolFailure.internalError(failure.code == .internalError ? "" : failure.code.rawValue)
            }
        }
        #expect(try market.deal(deal).status == .approved)
        #expect(try environment.store.count(in: "idempotency") == 0)
    }

    @Test func walletSettlementNonceIsPerDeal() {
        #expect(WalletDealSettlement.nonce(for: "deal_a") == WalletDealSettlement.nonce(for: "deal_a"))
        #expect(WalletDealSettlement.nonce(for: "deal_a") != WalletDealSettlement.nonce(for: "deal_b"))
        #expect(WalletDealSettlement.nonce(for: "deal_a").count == 32)
        #expect(WalletDealSettlement.receiptID(transferID: "tx_deal_a", nonce: "0x01").count == "mcp_receipt_".count + 16)
    }
}
