import JSON
import HTTP
import Crypto

extension Paywall {
    /// The MPP method the paywall charges with: `sandbox` on the sandbox, `evm` elsewhere.
    var mppMethod: String { deployment == .sandbox ? "sandbox" : "evm" }

    /// The `request` object of `resource`'s challenge, keys sorted (JCS for these values).
    func mppRequest(_ resource: PaywallResource, _ request: HTTPServerRequest) -> JSONValue {
        ["_mppx_scope": ["http_method": .string(request.method.uppercased()), "resource": .string(resource.path)],
         "amount": .string(String(resource.priceAtomic)), "currency": .string(deployment.contract.checksummed),
         "methodDetails": ["chainId": .integer(Int64(deployment.chainID)), "credentialTypes": ["authorization"], "decimals": 6],
         "recipient": .string(payTo.checksummed)]
    }

    /// The stateless challenge id: base64url(HMAC-SHA256(secret, realm|method|intent|request|expires|digest|opaque)).
    func mppChallengeID(method: String, intent: String, request: String, expires: String, digest: String, opaque: String) -> String {
        let bound = [realm, method, intent, request, expires, digest, opaque].joined(separator: "|")
        return Base64.encodeURL(HMAC<SHA256>.authenticationCode(for: Array(bound.utf8), using: secret))
    }

    /// The `WWW-Authenticate` value for `resource`, valid five minutes.
    func mppChallenge(_ resource: PaywallResource, _ request: HTTPServerRequest) -> String {
        let requestText = Base64.encodeURL(mppRequest(resource, request).serialized())
        let expires = RFC3339Timestamp.format(clock() + 300)
        let opaque = Base64.encodeURL(JSONValue.object(["_mpp_nonce": .string(Hex.encode(SHA256.hash(Array((requestText + expires).utf8)).prefix(16), prefix: false))]).serialized())
        let id = mppChallengeID(method: mppMethod, intent: "charge", request: requestText, expires: expires, digest: "", opaque: opaque)
        return #"Payment id="\#(id)", realm="\#(realm)", method="\#(mppMethod)", intent="charge", request="\#(requestText)", expires="\#(expires)", opaque="\#(opaque)", description="\#(resource.title)""#
    }

    /// A 402 with a fresh challenge and an RFC 9457 problem of `type`.
    func mppProblem(_ resource: PaywallResource, _ request: HTTPServerRequest, type: String, detail: String) -> HTTPResponse {
        var response = challenge(resource, request, error: detail)
        response.body = JSONValue.object(["type": .string("https://paymentauth.org/problems/\(type)"), "title": .string(type), "detail": .string(detail)]).serialized()
        response.headers["Content-Type"] = "application/problem+json"
        return response
    }

    /// Verifies and settles an MPP credential (`Authorization: Payment <credential>`).
    func payMPP(_ resource: PaywallResource, _ request: HTTPServerRequest, credential: String) -> HTTPResponse {
        let problem = { (type: String, detail: String) in self.mppProblem(resource, request, type: type, detail: detail) }
        guard let bytes = Base64.decode(credential), let document = (try? JSONValue.parse(bytes))?.objectValue,
              let challenge = document["challenge"]?.objectValue, let payload = document["payload"]?.objectValue else {
            return problem("malformed-credential", "the credential is not base64url JSON with challenge and payload")
        }
        let param = { (name: String) in challenge[name]?.stringValue ?? "" }
        let expected = mppChallengeID(method: param("method"), intent: param("intent"), request: param("request"), expires: param("expires"),
                                      digest: param("digest"), opaque: param("opaque"))
        guard param("realm") == realm, param("method") == mppMethod, param("intent") == "charge",
              constantTimeEquals(Array(param("id").utf8), Array(expected.utf8)) else {
            return problem("invalid-challenge", "the challenge is not one this server issued, or was altered")
        }
        guard let expires = RFC3339Timestamp.parse(param("expires")), expires > clock() else {
            return problem("payment-expired", "the challenge has expired")
        }
        guard let requestBytes = Base64.decode(param("request")), let offered = try? JSONValue.parse(requestBytes),
              offered == mppRequest(resource, request) else {
            return problem("invalid-challenge", "the challenge is for another resource or method")
        }
        guard payload["type"] == "authorization", let signature = payload["signature"]?.stringValue.flatMap({ try? EthereumSignature(hex: $0) }) else {
            return problem("invalid-payload", "the payload must be an authorization with a signature")
        }
        let text = { (name: String) in payload[name]?.stringValue ?? "" }
        guard let authorization = try? TransferWithAuthorization(
            domainName: deployment.domainName, domainVersion: deployment.domainVersion, chainId: String(deployment.chainID),
            verifyingContract: deployment.contract.checksummed, from: text("from"), to: text("to"), value: text("value"),
            validAfter: text("validAfter"), validBefore: text("validBefore"), nonce: text("nonce")) else {
            return problem("invalid-payload", "the authorization fields are malformed")
        }
        guard authorization.to == payTo, authorization.value == UInt256(resource.priceAtomic) else {
            return problem("payment-insufficient", "the authorization must pay exactly \(resource.priceAtomic) to \(payTo.checksummed)")
        }
        guard authorization.nonce == MPPChallengeHashForm.json.hash(id: param("id"), realm: param("realm")) else {
            return problem("verification-failed", "the authorization nonce is not bound to this challenge")
        }
        return settleOnce(resource, request, credential: credential, authorization: authorization, signature: signature, answer: { reference in
            let receipt: JSONValue = ["status": "success", "method": .string(self.mppMethod), "timestamp": .string(RFC3339Timestamp.format(self.clock())),
                                      "reference": .string(reference)]
            return self.paid(resource, receiptHeader: PaymentHeaders.paymentReceipt, receipt: Base64.encodeURL(receipt.serialized()))
        }, refuse: { failure in problem("verification-failed", "\(failure.reason): \(failure.message)") })
    }

    /// `GET /.well-known/mpp.json`: the Tako-style discovery manifest (a hint; the live 402 decides).
    func mppManifest(_ request: HTTPServerRequest) -> JSONValue {
        let endpoints = resources.filter { $0.priceAtomic > 0 && !$0.protocols.isEmpty }.map { resource -> JSONValue in
            ["path": .string(resource.path), "method": "GET", "description": .string(resource.title),
             "price": ["amount": .string(String(resource.priceAtomic)), "currency": "USDC", "decimals": 6, "display": .string(USDCUnits.decimal(resource.priceAtomic) + " USDC")],
             "protocols": .array(resource.protocols.map { .string($0.rawValue) }),
             "methods": resource.protocols.contains(.mpp) ? [.string(mppMethod)] : []]
        }
        return ["name": "tak-mcp paywall", "realm": .string(realm), "network": .string(deployment.network), "endpoints": .array(endpoints)]
    }
}
