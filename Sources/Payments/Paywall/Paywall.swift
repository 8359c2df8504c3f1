import JSON
public import HTTP
public import Crypto
import Synchronization

/// The 402 paywall fixture (`tak-mcp paywall`): serves `PaywallResource`s behind x402 v1, v2 and
/// MPP on the sandbox network, verifying payments like a resource server and facilitator would
/// and settling them through an injected function (the sandbox ledger).
public final class Paywall: Sendable {
    /// What a paid answer remembers for a retry with the same `Idempotency-Key`.
    struct Remembered: Sendable {
        /// SHA-256 of the credential it answered.
        var credential: [UInt8]
        /// The answer.
        var response: HTTPResponse
    }

    /// The mutable part: idempotency keys answered, credentials already seen by a fault behaviour.
    struct State: Sendable {
        /// By `Idempotency-Key`.
        var remembered: [String: Remembered] = [:]
        /// SHA-256 of credentials a fault behaviour has already acted on.
        var faulted: Set<[UInt8]> = []
    }

    /// The resources served.
    public let resources: [PaywallResource]
    /// Who is paid.
    public let payTo: EthereumAddress
    /// The network (the sandbox).
    public let deployment: USDCDeployment
    /// Settles verified payments.
    let settle: PaywallSettle
    /// Now, Unix seconds.
    let clock: @Sendable () -> Int64
    /// The HMAC key binding MPP challenge ids to their parameters (stateless challenges).
    let secret: [UInt8]
    /// The MPP realm.
    public let realm = "tak-paywall"
    /// Idempotency and fault memory.
    let state = Mutex(State())

    /// A paywall for `resources` paying `payTo`, settling through `settle`.
    public init(resources: [PaywallResource] = PaywallResource.demo, payTo: EthereumAddress, deployment: USDCDeployment = .sandbox,
                secret: [UInt8], clock: @escaping @Sendable () -> Int64, settle: @escaping PaywallSettle) {
        self.resources = resources
        self.payTo = payTo
        self.deployment = deployment
        self.secret = secret
        self.clock = clock
        self.settle = settle
    }

    /// The default payee: an address nobody holds the key of (keccak256("tak-paywall")[12...]).
    public static let defaultPayee = try! EthereumAddress(bytes: Keccak256.hash(Array("tak-paywall".utf8)).suffix(20))

    /// Answers one request.
    public func respond(_ request: HTTPServerRequest) -> HTTPResponse {
        let path = String(request.path)
        if path == "/" { return Self.json(200, index(request)) }
        if path == "/.well-known/mpp.json" { return Self.json(200, mppManifest(request)) }
        if path == "/discovery/resources" { return Self.json(200, x402Discovery(request)) }
        guard let resource = resources.first(where: { $0.path == path }) else {
            return Self.json(404, ["error": "not_found", "message": .string("no resource at \(path); GET / lists them")])
        }
        if resource.priceAtomic == 0 { return Self.json(200, resource.content) }
        if resource.behaviour == .notPayable {
            return Self.json(402, ["error": "insufficient_credits", "message": "Insufficient credits: top up your account to continue."])
        }
        if resource.protocols.contains(.mpp), let value = request.header(PaymentHeaders.authorization) ?? request.header("Payment-Authorization"),
           value.hasPrefix("Payment ") {
            return payMPP(resource, request, credential: String(value.dropFirst(8)))
        }
        if resource.protocols.contains(.x402v2), let value = request.header(PaymentHeaders.paymentSignature) {
            return payX402(resource, request, version: 2, header: value)
        }
        if resource.protocols.contains(.x402v1), let value = request.header(PaymentHeaders.xPayment) {
            return payX402(resource, request, version: 1, header: value)
        }
        return challenge(resource, request, error: nil)
    }

    /// The resource URL as x402 names it, from the request's `Host`.
    func resourceURL(_ resource: PaywallResource, _ request: HTTPServerRequest) -> String {
        "http://\(request.header("Host") ?? "127.0.0.1")\(resource.path)"
    }

    /// A 402 offering `resource` in each of its protocols, with `error` as the reason.
    func challenge(_ resource: PaywallResource, _ request: HTTPServerRequest, error: String?) -> HTTPResponse {
        var headers: HTTPHeaders = ["Cache-Control": "no-store", "Content-Type": "application/json"]
        var body: JSONValue = [:]
        if resource.protocols.contains(.x402v2) {
            headers.add(PaymentHeaders.paymentRequired, Base64.encode(JSONValue.object(x402Document(resource, request, error: error)).serialized()))
        }
        if resource.protocols.contains(.x402v1) {
            body = ["x402Version": 1, "error": .string(error ?? "X-PAYMENT header is required"),
                    "accepts": [.object(x402Requirement(resource, request, version: 1))]]
        }
        if resource.protocols.contains(.mpp) { headers.add(PaymentHeaders.wwwAuthenticate, mppChallenge(resource, request)) }
        if case .object(let object) = body, object.isEmpty, let error {
            body = ["type": "https://paymentauth.org/problems/verification-failed", "title": "Payment failed", "detail": .string(error)]
        }
        return HTTPResponse(status: 402, headers: headers, body: body.serialized())
    }

    /// The paid answer: the content with the receipt header.
    func paid(_ resource: PaywallResource, receiptHeader: String, receipt: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["Content-Type": "application/json", "Cache-Control": "private", receiptHeader: receipt],
                     body: resource.content.serialized())
    }

    /// Settles `authorization`, applying the resource's behaviour and the idempotency memory;
    /// `answer` builds the paid response from the settlement reference, `refuse` the failure.
    func settleOnce(_ resource: PaywallResource, _ request: HTTPServerRequest, credential: String,
                    authorization: TransferWithAuthorization, signature: EthereumSignature,
                    answer: (String) -> HTTPResponse, refuse: (PaywallSettlementFailure) -> HTTPResponse) -> HTTPResponse {
        let digest = SHA256.hash(Array(credential.utf8))
        let key = request.header(PaymentHeaders.idempotencyKey)
        let remembersKeys = resource.behaviour != .dropsFirstAnswer(remembersIdempotencyKeys: false)
        if remembersKeys, let key, let earlier = state.withLock({ $0.remembered[key] }) {
            guard earlier.credential == digest else {
                return Self.json(409, ["error": "idempotency_conflict", "message": "this Idempotency-Key was used with another payment"])
            }
            return earlier.response
        }
        if resource.behaviour == .busyOnce, state.withLock({ $0.faulted.insert(digest).inserted }) {
            return HTTPResponse(status: 429, headers: ["Retry-After": "1", "Content-Type": "application/json"],
                                body: JSONValue.object(["error": "rate_limited"]).serialized())
        }
        let transferID = "paywall_" + Hex.encode(digest.prefix(12), prefix: false)
        switch settle(authorization, signature, transferID) {
        case .success(let reference):
            let response = answer(reference)
            if remembersKeys, let key { state.withLock { $0.remembered[key] = Remembered(credential: digest, response: response) } }
            if case .dropsFirstAnswer = resource.behaviour, state.withLock({ $0.faulted.insert(digest).inserted }) {
                return HTTPResponse(status: 0)  // HTTPServer: close without answering
            }
            return response
        case .failure(let failure) where failure.isReplay:
            return Self.json(409, ["error": "payment_replayed", "message": .string(failure.message)])
        case .failure(let failure):
            return refuse(failure)
        }
    }

    /// A JSON response.
    static func json(_ status: Int, _ value: JSONValue) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: value.serialized())
    }

    /// `GET /`: the resources with prices and protocols.
    func index(_ request: HTTPServerRequest) -> JSONValue {
        ["paywall": "tak-mcp paywall (sandbox network, test money)", "pay_to": .string(payTo.checksummed),
         "resources": .array(resources.map { resource in
             ["url": .string(resourceURL(resource, request)), "title": .string(resource.title),
              "price_atomic": .string(String(resource.priceAtomic)), "price": .string(USDCUnits.decimal(resource.priceAtomic)),
              "protocols": .array(resource.protocols.map { .string($0.rawValue) })]
         })]
    }
}
