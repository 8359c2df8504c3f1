public import JSON

/// One way a 402 response offers to be paid, normalised across x402 v1, v2 and MPP, with what
/// must be echoed back kept as received. Every field is the server's claim: the policy checks it
/// against our own tables before anything is signed, and `description` is shown, never trusted.
public struct PaymentOffer: Sendable, Equatable {
    /// What the retry must echo, per protocol.
    public enum Wire: Sendable, Equatable {
        /// An x402 v1 `accepts` entry.
        case x402v1(requirement: JSONObject)
        /// An x402 v2 `accepts` entry, with the document's `resource` and `extensions`.
        case x402v2(requirement: JSONObject, resource: JSONValue?, extensions: JSONObject?)
        /// An MPP challenge.
        case mpp(MPPChallenge)
    }

    /// Position among the offers of the response, from 0.
    public var index: Int
    /// The protocol.
    public var paymentProtocol: PaymentProtocol
    /// The x402 scheme (`exact`, `upto`…) or the MPP method (`evm`, `tempo`…).
    public var scheme: String
    /// The MPP intent (`charge`, `session`…); nil for x402.
    public var intent: String?
    /// The network as offered: `base`, `eip155:8453`, or for MPP `eip155:<chainId>`.
    public var network: String?
    /// The asset (token contract) as offered.
    public var asset: String?
    /// The amount in atomic units, as offered (a decimal string on the wire).
    public var amount: String?
    /// The payee as offered.
    public var payTo: String?
    /// When the offer expires (Unix seconds), if it says.
    public var expiresAt: Int64?
    /// The validity window the server allows for the signed authorization (x402).
    public var maxTimeoutSeconds: Int64?
    /// The server's description: display only, never used for a decision.
    public var description: String?
    /// What the server says the payment is for: a URL (x402) or a path.
    public var resource: String?
    /// The HTTP method the offer is bound to, if it says (MPP `_mppx_scope`).
    public var boundMethod: String?
    /// The RFC 9530 digest of the request body the offer is bound to (MPP `digest`).
    public var bodyDigest: String?
    /// The x402 `extra` object (EIP-712 name/version, assetTransferMethod…).
    public var extra: JSONObject
    /// What to echo.
    public var wire: Wire

    /// The amount as an integer, if it is a decimal integer string that fits.
    public var amountAtomic: UInt64? { amount.flatMap(USDCUnits.parse(atomic:)) }

    /// The deployment of our table this offer's network names, if any.
    public var deployment: USDCDeployment? {
        guard let network else { return nil }
        if paymentProtocol == .mpp {
            guard network.hasPrefix("eip155:"), let chain = UInt64(network.dropFirst(7)) else { return nil }
            return USDCDeployment.forChain(chain)
        }
        return USDCDeployment.forX402Network(network)
    }

    /// The offer as `payment_quote` shows it.
    public var json: JSONObject {
        var object: JSONObject = ["index": .integer(Int64(index)), "protocol": .string(paymentProtocol.rawValue),
                                  "scheme": .string(scheme)]
        if let intent { object["intent"] = .string(intent) }
        object["network"] = network.map { .string(deployment?.network ?? $0) } ?? .null
        object["asset"] = asset.map(JSONValue.string) ?? .null
        object["amount_atomic"] = amount.map(JSONValue.string) ?? .null
        if let atomic = amountAtomic { object["amount"] = .string(USDCUnits.decimal(atomic)) }
        object["pay_to"] = payTo.map(JSONValue.string) ?? .null
        object["expires_at"] = expiresAt.map { .string(RFC3339Timestamp.format($0)) } ?? .null
        object["description"] = description.map(JSONValue.string) ?? .null
        if let resource { object["resource"] = .string(resource) }
        return object
    }
}
