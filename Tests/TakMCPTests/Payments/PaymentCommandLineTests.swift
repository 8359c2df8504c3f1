import TakMCP
import Testing
import Tools

/// The payment policy flags become the variables tools read; the payment commands parse.
@Suite struct PaymentCommandLineTests {
    @Test func policyFlagsSetTheirVariables() throws {
        let options = try CommandLineOptions.parse(["--max-payment", "0.5", "--daily-budget=2", "--allow-host", "api.example.com",
                                                    "--allow-host", "*.tako.com", "--payment-network", "sandbox,base", "--approve-above", "0.25"])
        #expect(options.paymentPolicy == ["TAK_MAX_PAYMENT": "0.5", "TAK_DAILY_BUDGET": "2", "TAK_ALLOW_HOST": "api.example.com,*.tako.com",
                                          "TAK_PAYMENT_NETWORK": "sandbox,base", "TAK_APPROVE_ABOVE": "0.25"])
        let policy = try PaymentPolicyVariables.policy { options.paymentPolicy[$0] }
        #expect(policy.maxPaymentAtomic == 500_000)
        #expect(policy.dailyBudgetAtomic == 2_000_000)
        #expect(policy.allowedHosts == ["api.example.com", "*.tako.com"])
        #expect(policy.allowedNetworks == ["sandbox", "base"])
        #expect(policy.approveAboveAtomic == 250_000)
    }

    @Test func theDefaultsAreTheIssuesDefaults() throws {
        let policy = try PaymentPolicyVariables.policy { _ in nil }
        #expect(policy.maxPaymentAtomic == 100_000)
        #expect(policy.dailyBudgetAtomic == 1_000_000)
        #expect(policy.allowedHosts.isEmpty)
        #expect(policy.allowedNetworks == ["sandbox", "base-sepolia"])
        #expect(policy.approveAboveAtomic == nil)
    }

    @Test func aBadVariableTurnsPaymentsOffWithAReason() {
        #expect(throws: PolicyConfigurationError.self) { try PaymentPolicyVariables.policy { $0 == "TAK_MAX_PAYMENT" ? "0.1.2" : nil } }
        #expect(throws: PolicyConfigurationError.self) { try PaymentPolicyVariables.policy { $0 == "TAK_PAYMENT_NETWORK" ? "solana" : nil } }
    }

    @Test func parsesThePaymentCommands() throws {
        #expect(try CommandLineOptions.parse(["payments", "approve", "pmt_1"]).command == .paymentsApprove(paymentID: "pmt_1"))
        #expect(try CommandLineOptions.parse(["paywall", "--port", "9000"]).command == .paywall(port: 9000))
        #expect(try CommandLineOptions.parse(["paywall"]).command == .paywall(port: 8402))
    }

    @Test(arguments: [
        (["--max-payment", "ten"], "--max-payment must be a decimal USDC amount"),
        (["--payment-network", "sandbox,solana"], "--payment-network takes a comma-separated list"),
        (["--allow-host", "http://x/"], "--allow-host takes one host name"),
        (["payments", "approve"], "usage: tak-mcp payments approve PAYMENT_ID"),
        (["--port", "80"], "--port goes with `tak-mcp paywall`"),
        (["doctor", "--max-payment", "1"], "the payment policy flags"),
    ])
    func refusesWithAFix(arguments: [String], message: String) {
        #expect {
            _ = try CommandLineOptions.parse(arguments)
        } throws: { error in
            (error as? UsageError)?.message.hasPrefix(message) == true
        }
    }
}
