import Testing
import JSON
import HTTP
import Crypto
import Store
@testable import Payments

/// A transport answering from a script, one step per request, recording what was sent.
final class ScriptedTransport: HTTPTransport, Sendable {
    /// One answer.
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(HTTPTransportError)
    }
    /// The steps left.
    let steps: Locked<[Step]>
    /// Every request sent.
    let sent = Locked<[HTTPRequest]>([])

    /// A transport that answers with `steps` in turn.
    init(_ steps: [Step]) { self.steps = Locked(steps) }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        let step = steps.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        case nil: return HTTPResponse(status: 599)
        }
    }
}

/// The negotiation end to end over a scripted transport: each outcome of the paid retry, with a
/// fixed clock and nonce.
@Suite struct NegotiatorTests {
    /// A negotiator over `transport` at the test clock, sleeping not at all but recording waits.
    static func negotiator(_ transport: ScriptedTransport, waits: Locked<[Duration]> = Locked([])) -> PaymentNegotiator {
        PaymentNegotiator(transport: transport, clock: { PaymentFixtures.now }, sleep: { delay in waits.withLock { $0.append(delay) } })
    }

    /// Policy, plan and signature with the test key, as a caller's `prepare` does.
    static func prepare(_ challenge: PaymentChallenge, policy: PaymentPolicy = .defaults) throws -> Preparation {
        let selection = policy.select(challenge, for: PaymentFixtures.context(), spentToday: 0)
        guard let chosen = selection.chosen else { return .refused(selection.refusal!, selection) }
        if policy.needsApproval(chosen.amount) { return .awaitingApproval(PolicyViolation(.approval, "needs approval"), selection) }
        let plan = PaymentPlanner(payer: PaymentFixtures.key.address, nonce: PaymentFixtures.nonce, paymentIdentifier: "pay_fixture_identifier", now: PaymentFixtures.now).plan(chosen)
        return .credential(plan.credential(signature: try PaymentSigner(key: PaymentFixtures.key).sign(plan.typed)), selection)
    }

    /// A 200 with an x402 v2 receipt.
    static let settled = HTTPResponse(status: 200, headers: ["Content-Type": "application/json", "PAYMENT-RESPONSE": Base64.encode(Array(#"{"success":true,"transaction":"0xab","network":"eip155:31337"}"#.utf8))], body: Array(#"{"joke":"ok"}"#.utf8))

    /// Runs one negotiation of a GET of the fixture URL.
    func run(_ steps: [ScriptedTransport.Step], policy: PaymentPolicy = .defaults, waits: Locked<[Duration]> = Locked([])) async throws -> (NegotiationResult, [HTTPRequest]) {
        let transport = ScriptedTransport(steps)
        let result = try await Self.negotiator(transport, waits: waits).run(HTTPRequest(url: PaymentFixtures.url), idempotencyKey: "pay_key") { challenge in
            try Self.prepare(challenge, policy: policy)
        }
        return (result, transport.sent.withLock { $0 })
    }

    @Test func paysOnceAndDecodesTheReceipt() async throws {
        let (result, sent) = try await run([.respond(PaymentFixtures.v2Response([PaymentFixtures.requirement()])), .respond(Self.settled)])
        #expect(result.state == .settled)
        #expect(result.receipt?["x402"]?["success"] == true)
        #expect(sent.count == 2)
        #expect(sent[0].headers[PaymentHeaders.paymentSignature] == nil)
        #expect(sent[1].headers[PaymentHeaders.paymentSignature] != nil)
        #expect(sent[1].headers[PaymentHeaders.idempotencyKey] == "pay_key")
    }

    @Test func echoesTheChosenV2OfferExactly() async throws {
        let offered = PaymentFixtures.requirement()
        let (_, sent) = try await run([.respond(PaymentFixtures.v2Response([offered])), .respond(Self.settled)])
        let header = try #require(sent.last?.headers[PaymentHeaders.paymentSignature])
        let payload = try JSONValue.parse(try #require(Base64.decode(header)))
        #expect(payload["accepted"]?.serialized() == JSONValue.object(offered).serialized())
        #expect(payload["payload"]?["authorization"]?["nonce"] == .string(Hex.encode(PaymentFixtures.nonce)))
    }

    @Test func sendsThePaymentIdentifierWhenOffered() async throws {
        let extensions: JSONObject = ["payment-identifier": ["info": ["required": false], "schema": ["type": "object"]]]
        let (_, sent) = try await run([.respond(PaymentFixtures.v2Response([PaymentFixtures.requirement()], extensions: extensions)), .respond(Self.settled)])
        let header = try #require(sent.last?.headers[PaymentHeaders.paymentSignature])
        let payload = try JSONValue.parse(try #require(Base64.decode(header)))
        #expect(payload["extensions"]?["payment-identifier"]?["info"]?["id"] == "pay_fixture_identifier")
        #expect(payload["extensions"]?["payment-identifier"]?["info"]?["required"] == false)
    }

    @Test func paysAV1OfferWithXPayment() async throws {
        let (result, sent) = try await run([.respond(PaymentFixtures.v1Response()), .respond(Self.settled)])
        #expect(result.state == .settled)
        let header = try #require(sent.last?.headers[PaymentHeaders.xPayment])
        let payload = try JSONValue.parse(try #require(Base64.decode(header)))
        #expect(payload["x402Version"] == 1)
        #expect(payload["network"] == "sandbox")
        #expect(payload["payload"]?["authorization"]?["validAfter"] == .string(String(PaymentFixtures.now - 600)))
    }

    @Test func paysAnMPPChallengeWithAnAuthorizationCredential() async throws {
        let (result, sent) = try await run([.respond(PaymentFixtures.mppResponse()), .respond(HTTPResponse(status: 200, headers: ["Payment-Receipt": Base64.encodeURL(Array(#"{"status":"success","method":"sandbox","reference":"tx1"}"#.utf8))]))])
        #expect(result.state == .settled)
        #expect(result.receipt?["mpp"]?["reference"] == "tx1")
        let authorization = try #require(sent.last?.headers["Authorization"])
        #expect(authorization.hasPrefix("Payment "))
        let credential = try JSONValue.parse(try #require(Base64.decode(authorization.dropFirst(8))))
        #expect(credential["challenge"]?["id"] == "ch_1")
        #expect(credential["payload"]?["type"] == "authorization")
        #expect(credential["payload"]?["nonce"] == .string(Hex.encode(MPPChallengeHashForm.json.hash(id: "ch_1", realm: "tak.local"))))
        #expect(credential["payload"]?["validBefore"] == .string(String(PaymentFixtures.now + 300)))
        #expect(credential["source"] == .string("did:pkh:eip155:31337:\(PaymentFixtures.key.address.checksummed)"))
    }

    @Test func aSecond402IsAFailureWithTheServersReason() async throws {
        let again = PaymentFixtures.v1Response()
        var rejected = again
        rejected.body = JSONValue.object(["x402Version": 1, "error": "invalid_exact_evm_payload_signature", "accepts": []]).serialized()
        let (result, sent) = try await run([.respond(again), .respond(rejected)])
        #expect(result.state == .failed)
        #expect(result.reason == "the server refused the payment: invalid_exact_evm_payload_signature")
        #expect(sent.count == 2)
    }

    @Test func a409IsAReplay() async throws {
        let (result, _) = try await run([.respond(PaymentFixtures.v1Response()), .respond(HTTPResponse(status: 409))])
        #expect(result.state == .replay)
    }

    @Test func a429IsWaitedOutHonouringRetryAfterThenTheSameCredentialIsResent() async throws {
        let waits = Locked<[Duration]>([])
        let (result, sent) = try await run([.respond(PaymentFixtures.v1Response()), .respond(HTTPResponse(status: 429, headers: ["Retry-After": "2"])), .respond(Self.settled)], waits: waits)
        #expect(result.state == .settled)
        #expect(waits.withLock { $0 } == [.seconds(2)])
        #expect(sent.count == 3)
        #expect(sent[1].headers[PaymentHeaders.xPayment] == sent[2].headers[PaymentHeaders.xPayment])
    }

    @Test func repeated429sEndAsUnknownAfterTheBound() async throws {
        let busy = HTTPResponse(status: 429, headers: ["Retry-After": "1"])
        let (result, sent) = try await run([.respond(PaymentFixtures.v1Response()), .respond(busy), .respond(busy), .respond(busy)])
        #expect(result.state == .unknown)
        #expect(sent.count == 4)
    }

    @Test func aRetryAfterBeyondTheBoundIsNotWaited() async throws {
        let waits = Locked<[Duration]>([])
        let (result, _) = try await run([.respond(PaymentFixtures.v1Response()), .respond(HTTPResponse(status: 429, headers: ["Retry-After": "3600"]))], waits: waits)
        #expect(result.state == .unknown)
        #expect(waits.withLock { $0 }.isEmpty)
    }

    @Test(arguments: [HTTPTransportError(.timeout, "slow"), HTTPTransportError(.truncatedResponse, "dropped"), HTTPTransportError(.ioFailed, "reset")])
    func aFailureAfterSendingIsUnknown(error: HTTPTransportError) async throws {
        let (result, _) = try await run([.respond(PaymentFixtures.v1Response()), .fail(error)])
        #expect(result.state == .unknown)
        #expect(result.reason?.contains("may or may not have been taken") == true)
    }

    @Test func a5xxAfterSendingIsUnknown() async throws {
        let (result, _) = try await run([.respond(PaymentFixtures.v1Response()), .respond(HTTPResponse(status: 503))])
        #expect(result.state == .unknown)
    }

    @Test func aRefusedConnectionForThePaidRetryMeansNothingWasSent() async throws {
        let (result, _) = try await run([.respond(PaymentFixtures.v1Response()), .fail(HTTPTransportError(.connectionRefused, "refused"))])
        #expect(result.state == .failed)
        #expect(result.reason?.contains("was not sent") == true)
    }

    @Test func aResponseWithout402IsFree() async throws {
        let (result, sent) = try await run([.respond(HTTPResponse(status: 200, body: Array("free".utf8)))])
        #expect(result.state == .free)
        #expect(sent.count == 1)
    }

    @Test func a402WithoutAChallengeIsExplainedNotPaid() async throws {
        let credits = HTTPResponse(status: 402, headers: ["Content-Type": "application/json"], body: Array(#"{"error":"Insufficient credits: top up your account"}"#.utf8))
        let (result, sent) = try await run([.respond(credits)])
        #expect(result.state == .notPayable)
        #expect(result.reason?.contains("top up your account") == true)
        #expect(sent.count == 1)
    }

    @Test func aRefusalSendsNothingMore() async throws {
        let (result, sent) = try await run([.respond(PaymentFixtures.v2Response([PaymentFixtures.requirement(amount: "500000")]))])
        #expect(result.state == .refused)
        #expect(result.violation?.rule == .perPaymentCap)
        #expect(sent.count == 1)
    }

    @Test func approvalAboveTheThresholdStopsBeforeSigning() async throws {
        let (result, sent) = try await run([.respond(PaymentFixtures.v1Response(amount: "60000"))], policy: PaymentPolicy(approveAboveAtomic: 50_000))
        #expect(result.state == .awaitingApproval)
        #expect(sent.count == 1)
    }

    @Test func resumingResendsTheStoredCredentialWithoutANewChallenge() async throws {
        let transport = ScriptedTransport([.respond(Self.settled)])
        let credential = PaymentCredential(headerName: "X-PAYMENT", headerValue: "c2FtZQ==")
        let result = try await Self.negotiator(transport).run(HTTPRequest(url: PaymentFixtures.url), idempotencyKey: "k", resume: credential) { _ in
            Issue.record("a resumed payment must not prepare a new one")
            return .refused(PolicyViolation(.amount, "x"), nil)
        }
        #expect(result.state == .settled)
        #expect(transport.sent.withLock { $0.map { $0.headers["X-PAYMENT"] } } == ["c2FtZQ=="])
    }

    @Test func theCredentialNeverShowsInItsDescription() {
        let credential = PaymentCredential(headerName: "X-PAYMENT", headerValue: "c2VjcmV0")
        #expect(!"\(credential)".contains("c2VjcmV0"))
    }
}
