import Testing
import JSON
import HTTP
import Crypto
@testable import Payments

/// Our x402 payments equal the official Python SDK's byte for byte, given the same clock and nonce.
@Suite struct X402VectorTests {
    /// A policy that pays on every network of the vectors (base mainnet included) up to 1 USDC.
    static let policy = PaymentPolicy(maxPaymentAtomic: 1_000_000, allowedNetworks: ["sandbox", "base-sepolia", "base"])

    @Test("reproduces the SDK's payment header", arguments: PaymentVectors.payments.map { $0["label"]!.stringValue! })
    func reproducesTheSDKPaymentHeader(label: String) throws {
        let vector = try #require(PaymentVectors.payments.first { $0["label"]?.stringValue == label })
        let now = try #require(vector["pinned_now"]?.integerValue)
        let challenge = PaymentChallenge(response: PaymentVectors.response(vector))
        let request = try PaymentRequestContext(method: "GET", url: "https://api.example.com/premium-data", now: now)
        let selection = Self.policy.select(challenge, for: request, spentToday: 0)
        let chosen = try #require(selection.chosen, "\(String(describing: selection.refusal))")
        #expect(chosen.offer.index == 0)
        let key = try EthereumPrivateKey(hex: vector["signer_private_key"]!.stringValue!)
        #expect(key.address.checksummed == vector["signer_address"]?.stringValue)
        let planner = PaymentPlanner(payer: key.address, nonce: try Hex.decode(vector["pinned_nonce"]!.stringValue!),
                                     paymentIdentifier: "pay_0123456789abcdef", now: now)
        let plan = planner.plan(chosen)
        #expect(Hex.encode(plan.typed.digest) == vector["eip712_digest"]?.stringValue)
        let credential = plan.credential(signature: try PaymentSigner(key: key).sign(plan.typed))
        #expect(credential.headerName == vector["header_name"]?.stringValue)
        #expect(credential.headerValue == vector["header_value"]?.stringValue)
        #expect(Base64.decode(credential.headerValue).map { String(decoding: $0, as: UTF8.self) } == vector["decoded_json"]?.stringValue)
    }

    @Test func decodesTheSDKSettlementResponses() throws {
        for vector in PaymentVectors.x402["settlement_responses"]?.arrayValue ?? [] {
            let header = try #require(vector["header_name"]?.stringValue)
            let value = try #require(vector["header_value"]?.stringValue)
            let receipt = try #require(NegotiationResult.receipt(of: HTTPResponse(status: 200, headers: [header: value])))
            let expected = try JSONValue.parse(vector["decoded_json"]!.stringValue!)
            #expect(receipt["x402"] == expected)
            #expect(receipt["x402"]?["success"] == true)
        }
    }

    @Test func reportsAMalformedPaymentRequiredHeaderAsNotPayable() {
        let challenge = PaymentChallenge(response: HTTPResponse(status: 402, headers: [PaymentHeaders.paymentRequired: "not base64!"]))
        #expect(challenge.offers.isEmpty)
        #expect(challenge.problems == ["the PAYMENT-REQUIRED header is not base64"])
        #expect(challenge.notPayableExplanation.contains("nothing was paid"))
    }

    @Test func readsAV1BodyOnlyWhenItSaysVersion1() {
        let body = Array(#"{"x402Version":2,"accepts":[{"scheme":"exact"}]}"#.utf8)
        #expect(PaymentChallenge(response: HTTPResponse(status: 402, body: body)).offers.isEmpty)
    }
}
