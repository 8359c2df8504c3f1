public import JSON

/// The spending rules a person sets (command-line flags or `TAK_…` variables) and no tool can
/// change. Amounts are atomic USDC units.
public struct PaymentPolicy: Sendable, Equatable {
    /// The most one payment may cost (`--max-payment`, default 0.10 USDC).
    public var maxPaymentAtomic: UInt64
    /// The most all payments of one UTC day may cost together (`--daily-budget`, default 1.00 USDC).
    public var dailyBudgetAtomic: UInt64
    /// The hosts payments may go to (`--allow-host`); empty means any host. `*.example.com`
    /// matches every subdomain of example.com.
    public var allowedHosts: [String]
    /// The networks payments may use (`--payment-network`, default sandbox and base-sepolia;
    /// `base` mainnet only when listed).
    public var allowedNetworks: [String]
    /// Payments above this need a person's approval (`--approve-above`); nil: none do.
    public var approveAboveAtomic: UInt64?

    /// The defaults: 0.10 per payment, 1.00 a day, any host, sandbox and base-sepolia, no approval.
    public static let defaults = PaymentPolicy()

    /// A policy.
    public init(maxPaymentAtomic: UInt64 = 100_000, dailyBudgetAtomic: UInt64 = 1_000_000, allowedHosts: [String] = [],
                allowedNetworks: [String] = ["sandbox", "base-sepolia"], approveAboveAtomic: UInt64? = nil) {
        self.maxPaymentAtomic = maxPaymentAtomic
        self.dailyBudgetAtomic = dailyBudgetAtomic
        self.allowedHosts = allowedHosts.map { $0.lowercased() }
        self.allowedNetworks = allowedNetworks
        self.approveAboveAtomic = approveAboveAtomic
    }

    /// Whether requests to `host` may be paid.
    public func allows(host: String) -> Bool {
        let host = host.lowercased()
        guard !allowedHosts.isEmpty else { return true }
        return allowedHosts.contains { allowed in
            allowed == host || (allowed.hasPrefix("*.") && host.hasSuffix(allowed.dropFirst()))
        }
    }

    /// Whether a payment of `amount` needs a person's approval.
    public func needsApproval(_ amount: UInt64) -> Bool { approveAboveAtomic.map { amount > $0 } ?? false }

    /// The policy as `payment_policy` shows it.
    public var json: JSONObject {
        ["max_payment_atomic": .string(String(maxPaymentAtomic)), "max_payment": .string(USDCUnits.decimal(maxPaymentAtomic)),
         "daily_budget_atomic": .string(String(dailyBudgetAtomic)), "daily_budget": .string(USDCUnits.decimal(dailyBudgetAtomic)),
         "allowed_hosts": allowedHosts.isEmpty ? .string("any") : .array(allowedHosts.map(JSONValue.string)),
         "allowed_networks": .array(allowedNetworks.map(JSONValue.string)),
         "approve_above_atomic": approveAboveAtomic.map { .string(String($0)) } ?? .null,
         "approve_above": approveAboveAtomic.map { .string(USDCUnits.decimal($0)) } ?? .null]
    }
}
