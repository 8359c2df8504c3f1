public import Payments

/// The payment policy comes from the person who starts the server: the flags `--max-payment`,
/// `--daily-budget`, `--allow-host`, `--payment-network` and `--approve-above` (which set the
/// variables below for the process), or those `TAK_…` variables themselves. No tool can set them.
public enum PaymentPolicyVariables {
    /// Decimal USDC, default 0.10.
    public static let maxPayment = "TAK_MAX_PAYMENT"
    /// Decimal USDC, default 1.00.
    public static let dailyBudget = "TAK_DAILY_BUDGET"
    /// Comma-separated hosts (`*.example.com` for subdomains); unset: any host.
    public static let allowHosts = "TAK_ALLOW_HOST"
    /// Comma-separated networks, default `sandbox,base-sepolia`.
    public static let networks = "TAK_PAYMENT_NETWORK"
    /// Decimal USDC; payments above it need a person's approval. Unset: none do.
    public static let approveAbove = "TAK_APPROVE_ABOVE"

    /// The policy these variables describe, or what is wrong with one of them.
    public static func policy(_ variable: (String) -> String?) throws(PolicyConfigurationError) -> PaymentPolicy {
        func amount(_ name: String, flag: String) throws(PolicyConfigurationError) -> UInt64? {
            guard let text = variable(name), !text.isEmpty else { return nil }
            guard let value = USDCUnits.parse(decimal: text) else {
                throw PolicyConfigurationError("\(flag) / \(name) must be a decimal USDC amount such as 0.10 (at most 6 decimals); got \(text)")
            }
            return value
        }
        var policy = PaymentPolicy()
        if let value = try amount(maxPayment, flag: "--max-payment") { policy.maxPaymentAtomic = value }
        if let value = try amount(dailyBudget, flag: "--daily-budget") { policy.dailyBudgetAtomic = value }
        policy.approveAboveAtomic = try amount(approveAbove, flag: "--approve-above")
        if let text = variable(allowHosts), !text.isEmpty {
            policy.allowedHosts = text.split(separator: ",").map { $0.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty }
        }
        if let text = variable(networks), !text.isEmpty {
            let names = text.split(separator: ",").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
            for name in names where USDCDeployment.named(name) == nil {
                throw PolicyConfigurationError("--payment-network / \(networks) lists \(name); the networks are \(USDCDeployment.networkNames.joined(separator: ", "))")
            }
            policy.allowedNetworks = names
        }
        return policy
    }
}

/// A policy setting that cannot be read; payments are refused until it is fixed.
public struct PolicyConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public var message: String
    /// An error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

extension Substring {
    /// This text without surrounding white space.
    var trimmingWhitespace: String { String(self).trimmingWhitespace }
}
