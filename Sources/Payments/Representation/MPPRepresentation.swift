public import JSON

/// MPP over HTTP: challenges to offers, the `Authorization: Payment` credential, the
/// `Payment-Receipt`, and RFC 9457 problem types.
public enum MPPRepresentation {
    /// The offer a challenge makes, or why it cannot be read.
    static func offer(_ challenge: MPPChallenge, index: Int) -> Result<PaymentOffer, ReadProblem> {
        guard let id = challenge.id, !id.isEmpty else { return .failure(ReadProblem("an MPP challenge has no id")) }
        guard let method = challenge.method, !method.isEmpty else { return .failure(ReadProblem("MPP challenge \(id) has no method")) }
        guard let request = challenge.decodedRequest else {
            return .failure(ReadProblem("MPP challenge \(id) has no request that is base64url JSON"))
        }
        let details = request["methodDetails"]?.objectValue ?? [:]
        let chain = details["chainId"]?.integerValue
        let network: String? = if let chain { "eip155:\(chain)" } else if method == "sandbox" { USDCDeployment.sandbox.caip2 } else { nil }
        let scope = request["_mppx_scope"]?.objectValue
        var expires: Int64?
        if let text = challenge.expires {
            guard let parsed = RFC3339Timestamp.parse(text) else { return .failure(ReadProblem("MPP challenge \(id) has an unreadable expires \"\(text)\"")) }
            expires = parsed
        }
        return .success(PaymentOffer(
            index: index, paymentProtocol: .mpp, scheme: method, intent: challenge.intent, network: network,
            asset: request["currency"]?.stringValue, amount: request["amount"]?.stringValue,
            payTo: request["recipient"]?.stringValue, expiresAt: expires, maxTimeoutSeconds: nil,
            description: challenge["description"] ?? request["description"]?.stringValue,
            resource: scope?["resource"]?.stringValue, boundMethod: scope?["http_method"]?.stringValue,
            bodyDigest: challenge["digest"], extra: details, wire: .mpp(challenge)))
    }

    /// The credential value `Payment <base64url(JSON)>` for a challenge, a payload and a payer DID.
    public static func credential(for challenge: MPPChallenge, payload: JSONObject, source: String) -> String {
        let document: JSONValue = ["challenge": .object(challenge.echo), "payload": .object(payload), "source": .string(source)]
        return "Payment " + Base64.encodeURL(document.serialized())
    }

    /// The decoded `Payment-Receipt` (base64url JSON); a value that is not JSON (an opaque
    /// receipt token) is returned as `{"token": value}`.
    public static func receipt(_ header: String) -> JSONObject {
        if let object = Base64.decode(header.trimmingSpaces).flatMap({ try? JSONValue.parse($0) })?.objectValue { return object }
        return ["token": .string(String(header.trimmingSpaces))]
    }

    /// The problem types of the Payment auth scheme (draft -00 to -02), as plain reasons.
    public static let problemReasons: [String: String] = [
        "payment-required": "the server wants a payment and did not accept one",
        "malformed-credential": "the server could not read the payment credential",
        "invalid-challenge": "the challenge is unknown, expired or already used",
        "verification-failed": "the server could not verify the payment",
        "payment-insufficient": "the payment was less than the server asks",
        "payment-expired": "the payment authorization or challenge expired before the server used it",
        "method-unsupported": "the server does not accept this payment method",
        "bad-request": "the server says the request is malformed",
        "invalid-payload": "the server says the payment payload is invalid",
        "internal-payment-error": "the server failed internally while taking the payment (it may have been taken)",
        "payment-action-required": "the server needs an action by a person before it takes the payment",
    ]

    /// A reason for an RFC 9457 problem body: the known meaning of its `type`, with its `detail`/`title`.
    static func problemReason(_ body: JSONObject) -> String? {
        guard let type = body["type"]?.stringValue else { return nil }
        let slug = type.split(separator: "/").last.map(String.init) ?? type
        let detail = body["detail"]?.stringValue ?? body["title"]?.stringValue
        guard let known = problemReasons[slug] else { return detail.map { "\(slug): \($0)" } }
        return detail.map { "\(slug): \(known) (\($0))" } ?? "\(slug): \(known)"
    }
}
