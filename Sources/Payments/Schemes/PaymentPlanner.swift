import JSON
public import Crypto

/// Turns the offer the policy picked into the authorization to sign, per scheme: x402 `exact`
/// v1 and v2 as the official SDK writes them, MPP `evm`/`sandbox` charge as pympp and mppx do.
public struct PaymentPlanner: Sendable {
    /// The payer's address.
    public var payer: EthereumAddress
    /// The 32-byte nonce of this logical payment (x402), fixed per idempotency key so that every
    /// re-signing is the same authorization and at most one can settle.
    public var nonce: [UInt8]
    /// The `payment-identifier` id of this logical payment (16–128 of `[A-Za-z0-9_-]`).
    public var paymentIdentifier: String
    /// How MPP `evm` nonces are derived.
    public var mppChallengeHash: MPPChallengeHashForm
    /// Now, Unix seconds.
    public var now: Int64

    /// A planner.
    public init(payer: EthereumAddress, nonce: [UInt8], paymentIdentifier: String,
                mppChallengeHash: MPPChallengeHashForm = .json, now: Int64) {
        self.payer = payer
        self.nonce = nonce
        self.paymentIdentifier = paymentIdentifier
        self.mppChallengeHash = mppChallengeHash
        self.now = now
    }

    /// The authorization for `checked`.
    public func plan(_ checked: CheckedOffer) -> PaymentAuthorization {
        let offer = checked.offer
        let now = UInt64(max(0, self.now))
        var validAfter: UInt64 = 0
        var validBefore: UInt64
        var nonce = self.nonce
        var extensions: JSONObject?
        switch offer.wire {
        case .x402v1:
            validAfter = now > 600 ? now - 600 : 0
            validBefore = now + UInt64(offer.maxTimeoutSeconds ?? 600)
        case .x402v2(_, _, let offered):
            validBefore = now + UInt64(offer.maxTimeoutSeconds ?? 3600)
            extensions = offered.map(identified)
        case .mpp(let challenge):
            validBefore = offer.expiresAt.map { UInt64(max(0, $0)) } ?? now + 300
            nonce = mppChallengeHash.hash(id: challenge.id ?? "", realm: challenge.realm ?? "")
        }
        return PaymentAuthorization(offer: offer, deployment: checked.deployment, from: payer, to: offer.payTo ?? checked.payTo.checksummed,
                                    value: checked.amount, validAfter: validAfter, validBefore: validBefore, nonce: nonce,
                                    extensions: extensions)
    }

    /// The offered extensions with our id added to `payment-identifier`, when offered.
    private func identified(_ extensions: JSONObject) -> JSONObject {
        var extensions = extensions
        guard var identifier = extensions["payment-identifier"]?.objectValue else { return extensions }
        var info = identifier["info"]?.objectValue ?? [:]
        info["id"] = .string(paymentIdentifier)
        identifier["info"] = .object(info)
        extensions["payment-identifier"] = .object(identifier)
        return extensions
    }

    /// The `payment-identifier` id and `Idempotency-Key` for an idempotency key of an agent:
    /// `pay_` and 32 hex digits of SHA-256(agent ‖ 0 ‖ key), stable across retries and restarts.
    public static func paymentIdentifier(agent: String, idempotencyKey: String) -> String {
        "pay_" + Hex.encode(SHA256.hash(Array(agent.utf8) + [0] + Array(idempotencyKey.utf8)).prefix(16), prefix: false)
    }
}
