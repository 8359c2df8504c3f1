import Store
import Testing
@testable import Tools
import Crypto

/// Money checks, schema versions, identity and permissions: the pure rules.
@Suite struct MoneyAndRulesTests {
    @Test(arguments: [
        (Int64(1_500_000_000), false, true), (1_000, false, true), (0, true, true), (0, false, false),
        (999, false, false), (1_500_000_001, false, false), (1_001_000, false, true), (-1_000, true, false),
        (Int64.max - Int64.max % 1_000, false, true), (Int64.max, false, false),
    ] as [(Int64, Bool, Bool)])
    func payableAmounts(nano: Int64, allowZero: Bool, payable: Bool) {
        #expect((NanoAmount.problem(nano, allowZero: allowZero) == nil) == payable, "\(nano)")
    }

    @Test func conversions() {
        #expect(NanoAmount.atomicUnits(1_500_000_000) == 1_500_000)
        #expect(NanoAmount.atomicUnits(1_000) == 1)
        #expect(NanoAmount.usdcString(1_500_000_000) == "1.50")
        #expect(NanoAmount.usdcString(1_000) == "0.000001")
        #expect(NanoAmount.usdcString(2_000_000_000) == "2.00")
        #expect(NanoAmount.problem(1_500_000_001)?.contains("try 1500000000 or 1500001000") == true)
    }

    /// One formatter serves USDC atomic units and nano-USDC, at the edges of their integer types.
    @Test func fixedPointText() {
        #expect(FixedPoint.text(UInt64(0), decimals: 6) == "0.00")
        #expect(FixedPoint.text(UInt64(10_500_000), decimals: 6) == "10.50")
        #expect(FixedPoint.text(UInt64.max, decimals: 6) == "18446744073709.551615")
        #expect(FixedPoint.text(Int64.min, decimals: 9) == "-9223372036.854775808")
        #expect(FixedPoint.text(Int64(-1_000), decimals: 9) == "-0.000001")
        #expect(USDCAmount(atomic: 3_000_000).decimalString == "3.00")
    }

    @Test func schemaVersions() throws {
        #expect(try SchemaVersion.resolve(nil) == "tak/0.1")
        #expect(try SchemaVersion.resolve("tak/0.1") == "tak/0.1")
        #expect(throws: ToolFailure.self) { try SchemaVersion.resolve("tak/0.2") }
        do {
            _ = try SchemaVersion.resolve("tak/1.0")
        } catch {
            #expect(error.code == .invalidRequest)
            #expect(error.details["supported"] == ["tak/0.1"])
            #expect(error.details["field"] == "schema_version")
        }
    }

    @Test func approvalModeAndBoundAgentAccessors() throws {
        #expect(DealApprovalMode.parse(nil) == .agent)
        #expect(DealApprovalMode.parse("agent") == .agent)
        #expect(DealApprovalMode.parse("HUMAN") == .human)
        #expect(DealApprovalMode.parse("humna") == .human, "a typo must not weaken the gate")
        let bound = try makeMarketEnvironment(variables: ["TAK_AGENT_ID": "ag_b", "TAK_DEAL_APPROVAL": "human"])
        #expect(bound.boundAgentID == "ag_b")
        #expect(bound.dealApprovalMode == .human)
        #expect(bound.marketplace.actor == .agent("ag_b"))
        let open = try makeMarketEnvironment(variables: ["TAK_AGENT_ID": ""])
        #expect(open.marketplaceActor == .operator)
    }

    @Test func ids() throws {
        let random = RandomBytes.deterministic(seed: 1)
        for kind in MarketplaceID.allCases {
            let id = try kind.make(using: random)
            #expect(id.wholeMatch(of: try Regex("^\(kind.rawValue)_[0-9a-f]{12}$")) != nil, "\(id)")
        }
    }

    static let terms = DealTerms(id: "deal_1", requestID: "req_1", offerID: "off_1", payerAgentID: "ag_buyer", payeeAgentID: "ag_seller",
                                 amountNano: 1_000, serviceQuery: "q", offerTerms: "t", createdAt: "2026-02-20T10:30:00Z")
    static let request = RequestRecord(id: "req_1", requesterAgentID: "ag_buyer", serviceQuery: "q", maxPriceNano: 5_000, status: .open, createdAt: "")

    /// Who may do what: operator, each party bound, and a stranger bound.
    @Test(arguments: [MarketplaceActor.operator, .agent("ag_buyer"), .agent("ag_seller"), .agent("ag_stranger")])
    func permissions(actor: MarketplaceActor) {
        let bound = actor.boundAgentID
        let isOperator = bound == nil
        func allowed(_ denial: ToolFailure?) -> Bool {
            if let denial { #expect(denial.code == .permissionDenied) }
            return denial == nil
        }
        #expect(allowed(Permissions.createAgent(actor: actor)) == isOperator)
        #expect(allowed(Permissions.actAs("ag_buyer", field: "f", action: "a", actor: actor)) == (isOperator || bound == "ag_buyer"))
        #expect(allowed(Permissions.submitOffer(provider: "ag_seller", request: Self.request, actor: actor)) == (isOperator || bound == "ag_seller"))
        #expect(!allowed(Permissions.submitOffer(provider: "ag_buyer", request: Self.request, actor: actor)), "never on one's own request")
        #expect(allowed(Permissions.respondToOffer(request: Self.request, actor: actor)) == (isOperator || bound == "ag_buyer"))
        #expect(allowed(Permissions.createDeal(payer: "ag_buyer", payee: "ag_seller", actor: actor)) == (bound != "ag_stranger"))
        for action in ["approve", "execute", "reject"] {
            #expect(allowed(Permissions.decideDeal(Self.terms, action: action, actor: actor)) == (isOperator || bound == "ag_buyer"))
        }
        #expect(allowed(Permissions.sendMessage(sender: "ag_seller", terms: Self.terms, actor: actor)) == (isOperator || bound == "ag_seller"))
        #expect(!allowed(Permissions.sendMessage(sender: "ag_stranger", terms: Self.terms, actor: actor)), "only parties write")
        #expect(allowed(Permissions.readMessages(Self.terms, actor: actor)) == (bound != "ag_stranger"))
    }

    @Test func deniedDetailsNameWhoMay() throws {
        let denial = try #require(Permissions.decideDeal(Self.terms, action: "execute", actor: .agent("ag_seller")))
        #expect(denial.details == ["action": "execute_deal", "acting_as": "ag_seller", "required": "ag_buyer"])
        #expect(denial.message.contains("only the payer ag_buyer"))
    }
}
