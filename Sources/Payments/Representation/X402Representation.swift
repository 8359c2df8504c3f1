public import JSON

/// x402 over HTTP: reading the requirements of a 402 (v1 body, v2 `PAYMENT-REQUIRED` header),
/// writing the payment header, reading the settlement receipt.
public enum X402Representation {
    /// The decoded `PAYMENT-REQUIRED` document, or why it cannot be read.
    static func readV2(header: String) -> Result<JSONObject, ReadProblem> {
        guard header.utf8.count <= 64 << 10 else { return .failure(ReadProblem("the PAYMENT-REQUIRED header is longer than 64 KiB")) }
        guard let bytes = Base64.decode(header.trimmingSpaces) else { return .failure(ReadProblem("the PAYMENT-REQUIRED header is not base64")) }
        guard let document = (try? JSONValue.parse(bytes))?.objectValue else { return .failure(ReadProblem("the PAYMENT-REQUIRED header is not base64 of a JSON object")) }
        guard document["x402Version"]?.integerValue == 2 else {
            return .failure(ReadProblem("the PAYMENT-REQUIRED header has x402Version \(document["x402Version"]?.description ?? "missing"), not 2"))
        }
        return .success(document)
    }

    /// The offers of a v2 document.
    static func offersV2(_ document: JSONObject) -> [PaymentOffer] {
        let resource = document["resource"]
        let extensions = document["extensions"]?.objectValue
        return (document["accepts"]?.arrayValue ?? []).enumerated().compactMap { index, entry in
            guard let requirement = entry.objectValue else { return nil }
            var offer = baseOffer(requirement, index: index, protocol: .x402v2, amountKey: "amount",
                                  wire: .x402v2(requirement: requirement, resource: resource, extensions: extensions))
            offer.resource = resource?["url"]?.stringValue
            offer.description = resource?["description"]?.stringValue ?? requirement["description"]?.stringValue
            return offer
        }
    }

    /// The offers of a v1 402 body.
    static func offersV1(_ body: JSONObject) -> [PaymentOffer] {
        (body["accepts"]?.arrayValue ?? []).enumerated().compactMap { index, entry in
            guard let requirement = entry.objectValue else { return nil }
            var offer = baseOffer(requirement, index: index, protocol: .x402v1, amountKey: "maxAmountRequired",
                                  wire: .x402v1(requirement: requirement))
            offer.resource = requirement["resource"]?.stringValue
            offer.description = requirement["description"]?.stringValue
            return offer
        }
    }

    /// The fields both versions share.
    private static func baseOffer(_ requirement: JSONObject, index: Int, protocol version: PaymentProtocol, amountKey: String,
                                  wire: PaymentOffer.Wire) -> PaymentOffer {
        PaymentOffer(
            index: index, paymentProtocol: version, scheme: requirement["scheme"]?.stringValue ?? "",
            intent: nil, network: requirement["network"]?.stringValue, asset: requirement["asset"]?.stringValue,
            amount: requirement[amountKey]?.stringValue, payTo: requirement["payTo"]?.stringValue, expiresAt: nil,
            maxTimeoutSeconds: requirement["maxTimeoutSeconds"]?.integerValue, description: nil, resource: nil,
            boundMethod: nil, bodyDigest: nil, extra: requirement["extra"]?.objectValue ?? [:], wire: wire)
    }

    /// The `X-PAYMENT` (v1) or `PAYMENT-SIGNATURE` (v2) value for a signed authorization, with
    /// the key order of the x402 Python SDK, so the bytes equal its output.
    public static func paymentHeader(for offer: PaymentOffer, authorization: JSONObject, signature: String,
                                     extensions: JSONObject?) -> String? {
        let payload: JSONValue = ["authorization": .object(authorization), "signature": .string(signature)]
        let document: JSONValue
        switch offer.wire {
        case .x402v1:
            document = ["x402Version": 1, "scheme": .string(offer.scheme), "network": .string(offer.network ?? ""), "payload": payload]
        case .x402v2(let requirement, let resource, _):
            var object: JSONObject = ["x402Version": 2, "payload": payload, "accepted": .object(requirement)]
            if let resource { object["resource"] = resource }
            if let extensions, !extensions.isEmpty { object["extensions"] = .object(extensions) }
            document = .object(object)
        case .mpp:
            return nil
        }
        return Base64.encode(document.serialized())
    }

    /// The decoded `X-PAYMENT-RESPONSE` / `PAYMENT-RESPONSE` value, or nil.
    public static func receipt(_ header: String) -> JSONObject? {
        Base64.decode(header.trimmingSpaces).flatMap { try? JSONValue.parse($0) }?.objectValue
    }
}

extension String {
    /// This text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var text = self[...]
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return text
    }
}
