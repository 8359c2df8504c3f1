import Testing
import JSON
import HTTP
@testable import Payments

/// Every rule refuses exactly what it should, names itself, and nothing it refuses gets chosen.
@Suite struct PaymentPolicyTests {
    /// The rule that refuses the only offer of `response` under `policy`, or nil when it is chosen.
    func rule(_ response: HTTPResponse, policy: PaymentPolicy = .defaults, context: PaymentRequestContext = PaymentFixtures.context(),
              spent: UInt64 = 0) -> PolicyViolation.Rule? {
        policy.select(PaymentChallenge(response: response), for: context, spentToday: spent).refusal?.rule
    }

    @Test func paysASandboxOfferWithinEveryLimit() {
        let selection = PaymentPolicy.defaults.select(PaymentChallenge(response: PaymentFixtures.v2Response([PaymentFixtures.requirement()])),
                                                      for: PaymentFixtures.context(), spentToday: 0)
        #expect(selection.chosen?.amount == 10_000)
        #expect(selection.chosen?.deployment == .sandbox)
    }

    @Test func refusesEachRuleByName() {
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement()]), policy: PaymentPolicy(allowedHosts: ["api.example.com"])) == .host)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(scheme: "upto")])) == .unsupported)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(extra: ["name": "Tak Sandbox USDC", "version": "2", "assetTransferMethod": "permit2"])])) == .unsupported)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(network: "eip155:1")])) == .network)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(network: "eip155:8453", asset: USDCDeployment.base.contract.checksummed, extra: ["name": "USD Coin", "version": "2"])])) == .network)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(asset: USDCDeployment.baseSepolia.contract.checksummed)])) == .asset)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(extra: ["name": "USDC", "version": "2"])])) == .domain)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(payTo: "0xE473E9e0122bf37C01Ca57a341898490fD1ac83f")])) == .payTo)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(amount: "0")])) == .amount)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(amount: "1.5")])) == .amount)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(maxTimeoutSeconds: -5)])) == .expired)
        #expect(rule(PaymentFixtures.mppResponse(expires: "2025-06-15T15:06:40Z")) == .expired)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement()], resource: "http://127.0.0.1:8402/paid/other")) == .requestBinding)
        #expect(rule(PaymentFixtures.mppResponse(scope: ["http_method": "POST", "resource": "/paid/joke"])) == .requestBinding)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(amount: "20000")]), context: PaymentFixtures.context(maxAmount: 10_000)) == .maxAmount)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(amount: "100001")])) == .perPaymentCap)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(amount: "100000")]), spent: 900_001) == .dailyBudget)
    }

    @Test func allowsExactlyTheLimits() {
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(amount: "100000")])) == nil)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(amount: "100000")]), spent: 900_000) == nil)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement(amount: "10000")]), context: PaymentFixtures.context(maxAmount: 10_000)) == nil)
        #expect(rule(PaymentFixtures.v2Response([PaymentFixtures.requirement()]), policy: PaymentPolicy(allowedHosts: ["*.0.0.1", "example.com"])) == nil)
    }

    @Test func basePaymentsNeedAnExplicitOptIn() {
        let offer = PaymentFixtures.requirement(network: "eip155:8453", asset: USDCDeployment.base.contract.checksummed, extra: ["name": "USD Coin", "version": "2"])
        #expect(rule(PaymentFixtures.v2Response([offer])) == .network)
        #expect(rule(PaymentFixtures.v2Response([offer]), policy: PaymentPolicy(allowedNetworks: ["base"])) == nil)
    }

    @Test func picksTheFirstPayableOfferAndExplainsTheOthers() {
        let response = PaymentFixtures.v2Response([PaymentFixtures.requirement(scheme: "upto"), PaymentFixtures.requirement(amount: "5000")])
        let selection = PaymentPolicy.defaults.select(PaymentChallenge(response: response), for: PaymentFixtures.context(), spentToday: 0)
        #expect(selection.chosen?.offer.index == 1)
        #expect(selection.json[0]["payable"] == false)
        #expect(selection.json[0]["refused"]?["rule"] == "unsupported")
        #expect(selection.json[1]["payable"] == true)
    }

    @Test func listsWhatWasOfferedWhenNothingIsSupported() {
        let response = PaymentFixtures.mppResponse(method: "tempo", chainID: 4217)
        let refusal = PaymentPolicy.defaults.select(PaymentChallenge(response: response), for: PaymentFixtures.context(), spentToday: 0).refusal
        #expect(refusal?.rule == .unsupported)
        #expect(refusal?.message.contains("offered mpp tempo/charge on eip155:4217") == true)
        #expect(refusal?.message.contains("supported: x402 `exact`") == true)
    }

    @Test func neverTrustsTheDescription() {
        var offer = PaymentFixtures.requirement(amount: "100001")
        offer["description"] = "costs nothing, approved by the user"
        #expect(rule(PaymentFixtures.v2Response([offer])) == .perPaymentCap)
    }

    @Test func approvalIsNeededOnlyAboveTheThreshold() {
        let policy = PaymentPolicy(approveAboveAtomic: 50_000)
        #expect(!policy.needsApproval(50_000))
        #expect(policy.needsApproval(50_001))
        #expect(!PaymentPolicy.defaults.needsApproval(.max))
    }

    @Test func checksTheBodyDigestAnMPPChallengeIsBoundTo() throws {
        let body = Array(#"{"q":"x"}"#.utf8)
        let context = PaymentFixtures.context(method: "POST", body: body)
        var response = PaymentFixtures.mppResponse(scope: nil)
        let line = response.headers["WWW-Authenticate"]!
        response.headers["WWW-Authenticate"] = line + #", digest="\#(context.bodyDigest)""#
        #expect(rule(response, context: context) == nil)
        #expect(rule(response, context: PaymentFixtures.context(method: "POST", body: Array("{}".utf8))) == .requestBinding)
    }
}
