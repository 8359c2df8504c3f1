import JSON
import HTTP
import Crypto
@testable import Payments

/// 402 responses and wallets for the tests, with a fixed clock and nonce.
enum PaymentFixtures {
    /// The test clock: 2025-06-15T15:06:40Z.
    static let now: Int64 = 1_750_000_000
    /// A fixed nonce.
    static let nonce = [UInt8](repeating: 0x42, count: 32)
    /// A public test key (never fund it).
    static let key = try! EthereumPrivateKey(hex: "0xb3cb640beaf6722da4e71a74b68714c707288da2f5359079f97aef129917326a")
    /// The payee.
    static let payTo = "0xE473e9E0122bf37C01Ca57a341898490fD1ac83f"
    /// The URL the tests request.
    static let url = "http://127.0.0.1:8402/paid/joke"

    /// An x402 v2 `accepts` entry.
    static func requirement(network: String = "eip155:31337", asset: String = USDCDeployment.sandbox.contract.checksummed,
                            amount: String = "10000", payTo: String = PaymentFixtures.payTo, scheme: String = "exact",
                            maxTimeoutSeconds: Int64 = 60, extra: JSONObject = ["name": "Tak Sandbox USDC", "version": "2"]) -> JSONObject {
        ["scheme": .string(scheme), "network": .string(network), "asset": .string(asset), "amount": .string(amount),
         "payTo": .string(payTo), "maxTimeoutSeconds": .integer(maxTimeoutSeconds), "extra": .object(extra)]
    }

    /// A v2 402 offering `accepts` for `resource`.
    static func v2Response(_ accepts: [JSONObject], resource: String = PaymentFixtures.url, extensions: JSONObject? = nil) -> HTTPResponse {
        var document: JSONObject = ["x402Version": 2, "error": "PAYMENT-SIGNATURE header is required",
                                    "resource": ["url": .string(resource), "description": "a joke", "mimeType": "application/json"],
                                    "accepts": .array(accepts.map(JSONValue.object))]
        if let extensions { document["extensions"] = .object(extensions) }
        return HTTPResponse(status: 402, headers: [PaymentHeaders.paymentRequired: Base64.encode(JSONValue.object(document).serialized())], body: Array("{}".utf8))
    }

    /// A v1 402 body offering `accepts` (v1 field names).
    static func v1Response(amount: String = "10000", network: String = "sandbox", resource: String = PaymentFixtures.url) -> HTTPResponse {
        let entry: JSONValue = ["scheme": "exact", "network": .string(network), "maxAmountRequired": .string(amount), "resource": .string(resource),
                                "description": "a joke", "mimeType": "application/json", "payTo": .string(payTo), "maxTimeoutSeconds": 60,
                                "asset": .string(USDCDeployment.sandbox.contract.checksummed), "outputSchema": nil,
                                "extra": ["name": "Tak Sandbox USDC", "version": "2"]]
        let body: JSONValue = ["x402Version": 1, "error": "X-PAYMENT header is required", "accepts": [entry]]
        return HTTPResponse(status: 402, headers: ["Content-Type": "application/json"], body: body.serialized())
    }

    /// An MPP 402 with one challenge of `method`.
    static func mppResponse(method: String = "sandbox", amount: String = "10000", expires: String = "2025-06-15T15:11:40Z",
                            scope: JSONObject? = ["http_method": "GET", "resource": "/paid/joke"], chainID: Int64 = 31337) -> HTTPResponse {
        var request: JSONObject = ["amount": .string(amount), "currency": .string(USDCDeployment.forChain(UInt64(chainID))?.contract.checksummed ?? "0x0000000000000000000000000000000000000001"),
                                   "methodDetails": ["chainId": .integer(chainID), "credentialTypes": ["authorization"], "decimals": 6],
                                   "recipient": .string(payTo)]
        if let scope { request["_mppx_scope"] = .object(scope) }
        let value = #"Payment id="ch_1", realm="tak.local", method="\#(method)", intent="charge", request="\#(Base64.encodeURL(JSONValue.object(request).serialized()))", expires="\#(expires)""#
        return HTTPResponse(status: 402, headers: ["WWW-Authenticate": value, "Cache-Control": "no-store"])
    }

    /// A GET of `url` at the test clock.
    static func context(url: String = PaymentFixtures.url, method: String = "GET", body: [UInt8] = [], maxAmount: UInt64? = nil) -> PaymentRequestContext {
        try! PaymentRequestContext(method: method, url: url, body: body, maxAmountAtomic: maxAmount, now: now)
    }
}
