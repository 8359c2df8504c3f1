import JSON
import HTTP
import Crypto

extension Paywall {
    /// The `accepts` entry for `resource` in x402 `version`.
    func x402Requirement(_ resource: PaywallResource, _ request: HTTPServerRequest, version: Int) -> JSONObject {
        let extra: JSONObject = resource.behaviour == .wrongDomain ? ["name": "USD Coin", "version": "2"]
            : ["name": .string(deployment.domainName), "version": .string(deployment.domainVersion)]
        if version == 1 {
            return ["scheme": "exact", "network": .string(deployment.network), "maxAmountRequired": .string(String(resource.priceAtomic)),
                    "resource": .string(resourceURL(resource, request)), "description": .string(resource.title), "mimeType": "application/json",
                    "payTo": .string(payTo.checksummed), "maxTimeoutSeconds": 60, "asset": .string(deployment.contract.checksummed),
                    "outputSchema": nil, "extra": .object(extra)]
        }
        return ["scheme": "exact", "network": .string(deployment.caip2), "asset": .string(deployment.contract.checksummed),
                "amount": .string(String(resource.priceAtomic)), "payTo": .string(payTo.checksummed), "maxTimeoutSeconds": 60, "extra": .object(extra)]
    }

    /// The x402 v2 `PaymentRequired` document.
    func x402Document(_ resource: PaywallResource, _ request: HTTPServerRequest, error: String?) -> JSONObject {
        ["x402Version": 2, "error": .string(error ?? "PAYMENT-SIGNATURE header is required"),
         "resource": ["url": .string(resourceURL(resource, request)), "description": .string(resource.title), "mimeType": "application/json"],
         "accepts": [.object(x402Requirement(resource, request, version: 2))],
         "extensions": ["payment-identifier": ["info": ["required": false],
                                               "schema": ["type": "object", "properties": ["id": ["type": "string", "minLength": 16, "maxLength": 128]]]]]]
    }

    /// Verifies and settles an x402 payment header.
    func payX402(_ resource: PaywallResource, _ request: HTTPServerRequest, version: Int, header: String) -> HTTPResponse {
        let refuse = { (reason: String) in self.challenge(resource, request, error: reason) }
        guard let bytes = Base64.decode(header), let payload = (try? JSONValue.parse(bytes))?.objectValue else {
            return Paywall.json(400, ["error": "invalid_payload", "message": "the payment header is not base64 JSON"])
        }
        guard payload["x402Version"]?.integerValue == Int64(version) else { return refuse("invalid_x402_version") }
        if version == 2 {
            guard payload["accepted"]?.objectValue == x402Requirement(resource, request, version: 2) else { return refuse("No matching payment requirements") }
        } else {
            guard payload["scheme"] == "exact", payload["network"] == .string(deployment.network) else { return refuse("invalid_scheme") }
        }
        guard let fields = payload["payload"]?["authorization"]?.objectValue, let signatureText = payload["payload"]?["signature"]?.stringValue,
              let signature = try? EthereumSignature(hex: signatureText) else { return refuse("invalid_payload") }
        let text = { (name: String) in fields[name]?.stringValue ?? "" }
        guard let authorization = try? TransferWithAuthorization(
            domainName: deployment.domainName, domainVersion: deployment.domainVersion, chainId: String(deployment.chainID),
            verifyingContract: deployment.contract.checksummed, from: text("from"), to: text("to"), value: text("value"),
            validAfter: text("validAfter"), validBefore: text("validBefore"), nonce: text("nonce")) else { return refuse("invalid_payload") }
        guard authorization.to == payTo else { return refuse("invalid_exact_evm_payload_recipient_mismatch") }
        guard authorization.value == UInt256(resource.priceAtomic) else { return refuse("invalid_exact_evm_payload_authorization_value_mismatch") }
        guard authorization.validBefore >= UInt256(UInt64(max(0, clock() + 6))) else { return refuse("invalid_exact_evm_payload_authorization_valid_before") }
        let network = version == 2 ? deployment.caip2 : deployment.network
        let receiptHeader = version == 2 ? PaymentHeaders.paymentResponse : PaymentHeaders.xPaymentResponse
        return settleOnce(resource, request, credential: header, authorization: authorization, signature: signature, answer: { reference in
            let receipt: JSONValue = ["success": true, "transaction": .string(reference), "network": .string(network),
                                      "payer": .string(authorization.from.checksummed)]
            return self.paid(resource, receiptHeader: receiptHeader, receipt: Base64.encode(receipt.serialized()))
        }, refuse: { failure in refuse(failure.reason) })
    }

    /// `GET /discovery/resources`: the x402 Bazaar-style catalog of paid resources.
    func x402Discovery(_ request: HTTPServerRequest) -> JSONValue {
        let items = resources.filter { $0.protocols.contains(.x402v2) || $0.protocols.contains(.x402v1) }.map { resource -> JSONValue in
            let version = resource.protocols.contains(.x402v2) ? 2 : 1
            return ["resource": .string(resourceURL(resource, request)), "type": "http", "x402Version": .integer(Int64(version)),
                    "accepts": [.object(x402Requirement(resource, request, version: version))], "lastUpdated": .integer(clock())]
        }
        return ["x402Version": 2, "items": .array(items), "pagination": ["limit": .integer(Int64(items.count)), "offset": 0, "total": .integer(Int64(items.count))]]
    }
}
