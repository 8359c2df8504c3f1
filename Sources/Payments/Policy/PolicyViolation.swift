public import JSON

/// Why an offer is not paid: the rule it breaks (a stable code) and a sentence naming the field
/// and the limit.
public struct PolicyViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rules, in the order they are checked.
    public enum Rule: String, Sendable, Equatable, CaseIterable {
        /// The request's host is not in `--allow-host`.
        case host
        /// The scheme, method, intent or transfer method is one we do not pay with.
        case unsupported
        /// The network is unknown, or not in `--payment-network`.
        case network
        /// The asset is not our table's USDC contract for that network.
        case asset
        /// The offer advertises an EIP-712 name/version other than our table's.
        case domain
        /// The payee is not a valid address.
        case payTo = "pay_to"
        /// The amount is missing, not a decimal integer, or zero.
        case amount
        /// The challenge has expired (or allows no time to pay).
        case expired
        /// The challenge is for another request (URL, method or body).
        case requestBinding = "request_binding"
        /// Above the call's `max_amount`.
        case maxAmount = "max_amount"
        /// Above `--max-payment`.
        case perPaymentCap = "per_payment_cap"
        /// Above what is left of `--daily-budget` today.
        case dailyBudget = "daily_budget"
        /// Above `--approve-above` and the person did not approve.
        case approval
    }

    /// The rule broken.
    public var rule: Rule
    /// What is wrong, naming the field and the limit.
    public var message: String

    /// A violation.
    public init(_ rule: Rule, _ message: String) {
        self.rule = rule
        self.message = message
    }

    /// `rule: message`.
    public var description: String { "\(rule.rawValue): \(message)" }

    /// As JSON for results.
    public var json: JSONObject { ["rule": .string(rule.rawValue), "message": .string(message)] }
}
