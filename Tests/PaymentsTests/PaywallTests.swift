import Testing
import JSON
import HTTP
import Crypto
import Store
@testable import Payments

/// An in-memory stand-in for the sandbox ledger: USDC's checks (domain, signature, window,
/// unused nonce, balance) on a dictionary, counting settlements.
final class MemoryLedger: Sendable {
    /// Balances by address, used nonces, settlements made.
    struct State: Sendable {
        var balances: [EthereumAddress: UInt64] = [:]
        var nonces: Set<[UInt8]> = []
        var settlements = 0
    }
    /// The state.
    let state = Locked(State())
    /// The clock the ledger checks windows against.
    let now: Int64

    /// A ledger where `payer` holds `balance`.
    init(payer: EthereumAddress, balance: UInt64, now: Int64) {
        self.now = now
        state.withLock { $0.balances[payer] = balance }
    }

    /// The settle function a paywall takes.
    var settle: PaywallSettle {
        { [self] authorization, signature, transferID in
            state.withLock { state in
                guard authorization.domain == USDCDeployment.sandbox.domain, authorization.isValidSignatureVartime(signature) else {
                    return .failure(PaywallSettlementFailure(reason: "invalid_exact_evm_payload_signature", message: "bad signature"))
                }
                guard UInt256(UInt64(now)) > authorization.validAfter, UInt256(UInt64(now)) < authorization.validBefore else {
                    return .failure(PaywallSettlementFailure(reason: "invalid_exact_evm_payload_authorization_valid_before", message: "outside its window"))
                }
                guard state.nonces.insert(authorization.nonce).inserted else {
                    return .failure(PaywallSettlementFailure(reason: "invalid_exact_evm_nonce_already_used", message: "nonce used", isReplay: true))
                }
                let value = authorization.value.l0
                guard state.balances[authorization.from, default: 0] >= value else {
                    return .failure(PaywallSettlementFailure(reason: "invalid_exact_evm_insufficient_balance", message: "balance too low"))
                }
                state.balances[authorization.from, default: 0] -= value
                state.balances[authorization.to, default: 0] += value
                state.settlements += 1
                return .success(transferID)
            }
        }
    }
}

/// The negotiator against the real paywall over loopback sockets: every outcome, one settlement each.
@Suite struct PaywallTests {
    /// A running paywall over a memory ledger, and a function making one paid GET of a path.
    struct Harness {
        let ledger = MemoryLedger(payer: PaymentFixtures.key.address, balance: 1_000_000, now: PaymentFixtures.now)
        let server: HTTPServer

        init() throws {
            let paywall = Paywall(payTo: Paywall.defaultPayee, secret: Array("test secret".utf8), clock: { PaymentFixtures.now }, settle: ledger.settle)
            server = try HTTPServer { request in paywall.respond(request) }
        }

        /// Requests `path`, paying with the test key under `policy`; `resume` re-sends a credential.
        func get(_ path: String, key: String = "k1", policy: PaymentPolicy = .defaults, resume: PaymentCredential? = nil,
                 sent: Locked<PaymentCredential?> = Locked(nil)) async throws -> NegotiationResult {
            let negotiator = PaymentNegotiator(transport: SocketHTTPTransport(), clock: { PaymentFixtures.now }, sleep: { _ in })
            let url = server.url + path
            return try await negotiator.run(HTTPRequest(url: url, timeout: .seconds(5)), idempotencyKey: key, resume: resume) { challenge in
                let context = try PaymentRequestContext(method: "GET", url: url, now: PaymentFixtures.now)
                let selection = policy.select(challenge, for: context, spentToday: 0)
                guard let chosen = selection.chosen else { return .refused(selection.refusal!, selection) }
                let plan = PaymentPlanner(payer: PaymentFixtures.key.address, nonce: SHA256.hash(Array(key.utf8)),
                                          paymentIdentifier: PaymentPlanner.paymentIdentifier(agent: "ag", idempotencyKey: key), now: PaymentFixtures.now).plan(chosen)
                let credential = plan.credential(signature: try PaymentSigner(key: PaymentFixtures.key).sign(plan.typed))
                sent.withLock { $0 = credential }
                return .credential(credential, selection)
            }
        }
    }

    @Test(arguments: ["/x402/v1/joke", "/x402/v2/joke", "/mpp/joke", "/paid/joke"])
    func paysEachProtocolOnce(path: String) async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let result = try await harness.get(path)
        #expect(result.state == .settled, "\(result.reason ?? "")")
        #expect(result.response.map { String(decoding: $0.body, as: UTF8.self) }?.contains("joke") == true)
        #expect(result.receipt != nil)
        #expect(harness.ledger.state.withLock { $0.settlements } == 1)
        #expect(harness.ledger.state.withLock { $0.balances[Paywall.defaultPayee] } == 10_000)
    }

    @Test func aDroppedAnswerIsUnknownAndTheSameCredentialSettlesOnlyOnce() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let sent = Locked<PaymentCredential?>(nil)
        let first = try await harness.get("/paid/flaky", sent: sent)
        #expect(first.state == .unknown)
        let stored: PaymentCredential? = sent.withLock { $0 }
        let credential = try #require(stored)
        let retry = try await harness.get("/paid/flaky", resume: credential)
        #expect(retry.state == .settled)
        #expect(harness.ledger.state.withLock { $0.settlements } == 1)
    }

    @Test func aReusedCredentialWithoutIdempotencyMemoryIsAReplay() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let sent = Locked<PaymentCredential?>(nil)
        #expect(try await harness.get("/paid/flaky-replay", sent: sent).state == .unknown)
        let stored: PaymentCredential? = sent.withLock { $0 }
        let credential = try #require(stored)
        let retry = try await harness.get("/paid/flaky-replay", resume: credential)
        #expect(retry.state == .replay)
        #expect(harness.ledger.state.withLock { $0.settlements } == 1)
    }

    @Test func a429IsWaitedOutAndSettlesOnce() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let result = try await harness.get("/paid/busy")
        #expect(result.state == .settled)
        #expect(result.paidAttempts == 2)
        #expect(harness.ledger.state.withLock { $0.settlements } == 1)
    }

    @Test func refusesAForeignDomainAndAnAmountAboveTheCap() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        #expect(try await harness.get("/paid/wrong-domain").violation?.rule == .domain)
        #expect(try await harness.get("/paid/report").violation?.rule == .perPaymentCap)
        #expect(harness.ledger.state.withLock { $0.settlements } == 0)
    }

    @Test func explainsACreditsWallAndServesFreeResources() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let credits = try await harness.get("/credits")
        #expect(credits.state == .notPayable)
        #expect(credits.reason?.contains("top up") == true)
        #expect(try await harness.get("/free/hello").state == .free)
    }

    @Test func aTamperedMPPChallengeIsRefusedWithAFreshOne() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let challenge = try await SocketHTTPTransport().send(HTTPRequest(url: harness.server.url + "/mpp/joke"))
        let header = try #require(challenge.header("WWW-Authenticate"))
        let tampered = header.replacingOccurrences(of: "realm=\"tak-paywall\"", with: "realm=\"other\"")
        let paid = try await harness.get("/mpp/joke", resume: PaymentCredential(headerName: "Authorization", headerValue: "Payment " + Base64.encodeURL(JSONValue.object(["challenge": .object(MPPChallengeParser.challenges(in: [tampered])[0].echo), "payload": ["type": "authorization"]]).serialized())))
        #expect(paid.state == .failed)
        #expect(paid.reason?.contains("invalid-challenge") == true)
    }

    @Test func publishesADiscoveryManifestAndAnX402Catalog() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let manifest = try JSONValue.parse(try await SocketHTTPTransport().send(HTTPRequest(url: harness.server.url + "/.well-known/mpp.json")).body)
        #expect(manifest["endpoints"]?.arrayValue?.contains { $0["path"] == "/mpp/joke" } == true)
        let catalog = try JSONValue.parse(try await SocketHTTPTransport().send(HTTPRequest(url: harness.server.url + "/discovery/resources")).body)
        #expect(catalog["items"]?.arrayValue?.isEmpty == false)
    }
}
