public import JSON
public import Crypto

/// An EIP-3009 authorization planned for one offer (x402 `exact` on EVM, MPP `evm`/`sandbox`
/// charge): every field fixed before signing, and the credential it becomes once signed.
public struct PaymentAuthorization: Sendable, Equatable {
    /// The offer paid.
    public var offer: PaymentOffer
    /// Our table's deployment for the offer's network (the EIP-712 domain signed under).
    public var deployment: USDCDeployment
    /// The payer.
    public var from: EthereumAddress
    /// The payee, as the offer wrote it (validated as an address).
    public var to: String
    /// The amount in atomic units.
    public var value: UInt64
    /// Valid after this Unix time.
    public var validAfter: UInt64
    /// Valid before this Unix time.
    public var validBefore: UInt64
    /// The 32-byte nonce.
    public var nonce: [UInt8]
    /// x402 v2 extensions echoed in the payload (with our payment-identifier id).
    public var extensions: JSONObject?

    /// The typed authorization to sign.
    public var typed: TransferWithAuthorization {
        // Every member was validated when the plan was made.
        try! TransferWithAuthorization(domain: deployment.domain, from: from, to: try! EthereumAddress(to), value: UInt256(value),
                                       validAfter: UInt256(validAfter), validBefore: UInt256(validBefore), nonce: nonce)
    }

    /// The six authorization fields as the wire writes them: strings, in the SDK's order.
    public var fields: JSONObject {
        ["from": .string(from.checksummed), "to": .string(to), "value": .string(String(value)),
         "validAfter": .string(String(validAfter)), "validBefore": .string(String(validBefore)), "nonce": .string(Hex.encode(nonce))]
    }

    /// The credential for `signature`: the header the offer's protocol uses and its value.
    public func credential(signature: EthereumSignature) -> PaymentCredential {
        switch offer.wire {
        case .x402v1, .x402v2:
            let value = X402Representation.paymentHeader(for: offer, authorization: fields, signature: signature.hex, extensions: extensions)!
            return PaymentCredential(headerName: offer.paymentProtocol.credentialHeader, headerValue: value)
        case .mpp(let challenge):
            var payload: JSONObject = ["type": "authorization"]
            for (key, value) in fields { payload[key] = value }
            payload["signature"] = .string(signature.hex)
            let source = "did:pkh:eip155:\(deployment.chainID):\(from.checksummed)"
            return PaymentCredential(headerName: challenge.credentialHeader,
                                     headerValue: MPPRepresentation.credential(for: challenge, payload: payload, source: source))
        }
    }
}

/// How the nonce of an MPP `evm` charge is derived from the challenge (MPP-EVM.md §1.2): pympp
/// 0.16 and current mppx hash the JSON array `[id, realm]`; the draft hashes `id ‖ realm`.
public enum MPPChallengeHashForm: String, Sendable {
    /// keccak256 of the compact JSON `["<id>","<realm>"]` (the default).
    case json
    /// keccak256 of the UTF-8 bytes of id followed by realm.
    case concatenated

    /// The 32-byte challenge hash.
    public func hash(id: String, realm: String) -> [UInt8] {
        switch self {
        case .json: Keccak256.hash(JSONValue.array([.string(id), .string(realm)]).serialized())
        case .concatenated: Keccak256.hash(Array((id + realm).utf8))
        }
    }
}
