public import Crypto
import HTTP

/// An offer that passed every rule that does not depend on today's budget: what will be signed.
public struct CheckedOffer: Sendable, Equatable {
    /// The offer.
    public var offer: PaymentOffer
    /// Our table's deployment for its network.
    public var deployment: USDCDeployment
    /// The amount, atomic units.
    public var amount: UInt64
    /// The payee, validated.
    public var payTo: EthereumAddress
}

extension PaymentPolicy {
    /// What we can pay with, for messages.
    public static let supportedDescription = "x402 `exact` (EIP-3009) and MPP `evm` charge (authorization credential) on "
        + USDCDeployment.networkNames.joined(separator: ", ") + ", and the MPP `sandbox` charge"

    /// Checks `offer` against every rule but the daily budget, in order, for `request`.
    public func check(_ offer: PaymentOffer, for request: PaymentRequestContext) -> Result<CheckedOffer, PolicyViolation> {
        guard allows(host: request.url.host) else {
            return .failure(PolicyViolation(.host, "the host \(request.url.host) is not one payments may go to (allowed: \(allowedHosts.joined(separator: ", "))); a person sets these with --allow-host"))
        }
        if let protocols = request.protocols, !protocols.contains(offer.paymentProtocol) {
            return .failure(PolicyViolation(.unsupported, "this call pays only with \(protocols.map(\.rawValue).sorted().joined(separator: ", ")), not \(offer.paymentProtocol.rawValue)"))
        }
        if let violation = Self.unsupported(offer) { return .failure(violation) }
        guard let deployment = offer.deployment else {
            return .failure(PolicyViolation(.network, "the offer's network \(offer.network ?? "(none)") is not one we pay on (supported: \(USDCDeployment.networkNames.joined(separator: ", ")))"))
        }
        guard allowedNetworks.contains(deployment.network) else {
            return .failure(PolicyViolation(.network, "the network \(deployment.network) is not allowed for payments (allowed: \(allowedNetworks.joined(separator: ", "))); a person sets these with --payment-network"))
        }
        guard let asset = offer.asset, let assetAddress = try? EthereumAddress(asset), assetAddress == deployment.contract else {
            return .failure(PolicyViolation(.asset, "the offer's asset \(offer.asset ?? "(none)") is not USDC on \(deployment.network) (\(deployment.contract.checksummed))"))
        }
        if offer.paymentProtocol != .mpp {
            let name = offer.extra["name"]?.stringValue, version = offer.extra["version"]?.stringValue
            if name.map({ $0 != deployment.domainName }) ?? false || version.map({ $0 != deployment.domainVersion }) ?? false {
                return .failure(PolicyViolation(.domain, "the offer advertises the EIP-712 domain \"\(name ?? "")\" version \"\(version ?? "")\", but USDC on \(deployment.network) is \"\(deployment.domainName)\" version \"\(deployment.domainVersion)\"; a server advertising another domain is refused, not trusted"))
            }
        } else if let decimals = offer.extra["decimals"]?.integerValue, decimals != 6 {
            return .failure(PolicyViolation(.asset, "the offer says the currency has \(decimals) decimals; USDC has 6"))
        }
        guard let payToText = offer.payTo, let payTo = try? EthereumAddress(payToText) else {
            return .failure(PolicyViolation(.payTo, "the offer's pay_to \(offer.payTo ?? "(none)") is not a valid address (40 hex digits, EIP-55 checksum when mixed case)"))
        }
        guard let amount = offer.amountAtomic, amount > 0 else {
            return .failure(PolicyViolation(.amount, "the offer's amount \(offer.amount ?? "(none)") is not a positive integer of atomic units"))
        }
        if let expires = offer.expiresAt, expires <= request.now {
            return .failure(PolicyViolation(.expired, "the challenge expired at \(RFC3339Timestamp.format(expires)); request again for a fresh one"))
        }
        if let timeout = offer.maxTimeoutSeconds, timeout <= 0 {
            return .failure(PolicyViolation(.expired, "the offer's maxTimeoutSeconds is \(timeout): it leaves no time to pay"))
        }
        if let violation = Self.binding(offer, request) { return .failure(violation) }
        if let limit = request.maxAmountAtomic, amount > limit {
            return .failure(PolicyViolation(.maxAmount, "the offer asks \(USDCUnits.decimal(amount)) USDC (\(amount) atomic), above this call's max_amount of \(USDCUnits.decimal(limit)) USDC"))
        }
        guard amount <= maxPaymentAtomic else {
            return .failure(PolicyViolation(.perPaymentCap, "the offer asks \(USDCUnits.decimal(amount)) USDC (\(amount) atomic), above the per-payment cap of \(USDCUnits.decimal(maxPaymentAtomic)) USDC a person set (--max-payment)"))
        }
        return .success(CheckedOffer(offer: offer, deployment: deployment, amount: amount, payTo: payTo))
    }

    /// The violation for a payment of `amount` when `spent` (settled, reserved and unknown) is
    /// already counted today; nil when it fits.
    public func budgetViolation(amount: UInt64, spentToday spent: UInt64) -> PolicyViolation? {
        let left = dailyBudgetAtomic > spent ? dailyBudgetAtomic - spent : 0
        guard amount > left else { return nil }
        return PolicyViolation(.dailyBudget, "the offer asks \(USDCUnits.decimal(amount)) USDC but only \(USDCUnits.decimal(left)) USDC is left of today's budget of \(USDCUnits.decimal(dailyBudgetAtomic)) USDC (--daily-budget; the day is UTC)")
    }

    /// The violation for a scheme or method we do not pay with, naming what is supported.
    static func unsupported(_ offer: PaymentOffer) -> PolicyViolation? {
        let refuse = { (what: String) in
            PolicyViolation(.unsupported, "\(what) is not supported; supported: \(supportedDescription)")
        }
        switch offer.paymentProtocol {
        case .x402v1, .x402v2:
            guard offer.scheme == "exact" else { return refuse("the x402 scheme `\(offer.scheme)`") }
            if let method = offer.extra["assetTransferMethod"]?.stringValue, method != "eip3009" {
                return refuse("the x402 asset transfer method `\(method)`")
            }
        case .mpp:
            guard offer.scheme == "evm" || offer.scheme == "sandbox" else { return refuse("the MPP method `\(offer.scheme)`") }
            guard offer.intent == "charge" else { return refuse("the MPP intent `\(offer.intent ?? "(none)")` of method `\(offer.scheme)`") }
            if let types = offer.extra["credentialTypes"]?.arrayValue, !types.contains(.string("authorization")) {
                return refuse("an MPP \(offer.scheme) charge without the `authorization` credential type (offered: \(types.compactMap(\.stringValue).joined(separator: ", ")))")
            }
            if offer.extra["splits"] != nil { return refuse("an MPP charge with splits") }
            if offer.scheme == "sandbox", offer.deployment != .sandbox { return refuse("the MPP sandbox method on a chain other than the sandbox") }
        }
        return nil
    }

    /// The violation when the offer is bound to another request than `request`.
    static func binding(_ offer: PaymentOffer, _ request: PaymentRequestContext) -> PolicyViolation? {
        if let resource = offer.resource {
            if resource.hasPrefix("/") {
                if resource.prefix(while: { $0 != "?" }) != request.url.path {
                    return PolicyViolation(.requestBinding, "the challenge is for \(resource), not \(request.url.path)")
                }
            } else if let bound = try? HTTPURL(parsing: resource) {
                if bound.scheme != request.url.scheme || bound.host != request.url.host || bound.port != request.url.port || bound.path != request.url.path {
                    return PolicyViolation(.requestBinding, "the challenge is for \(resource), not the URL being requested")
                }
            } else if offer.paymentProtocol != .mpp {
                return PolicyViolation(.requestBinding, "the challenge's resource \(resource) is not a URL")
            }
        }
        if let method = offer.boundMethod, method.uppercased() != request.method {
            return PolicyViolation(.requestBinding, "the challenge is for a \(method.uppercased()) request, not \(request.method)")
        }
        if let digest = offer.bodyDigest, digest != request.bodyDigest {
            return PolicyViolation(.requestBinding, "the challenge is bound to a body whose digest is \(digest), not the body being sent")
        }
        return nil
    }
}
