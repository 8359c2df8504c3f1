extension FailureCode {
    /// The policy refused every offer; nothing was signed (`details.rule` names the rule).
    public static let paymentRefused = FailureCode("payment_refused")
    /// The payment waits for a person's approval (`details.command`).
    public static let approvalRequired = FailureCode("approval_required")
    /// The server refused the payment after it was sent; the budget reservation was released.
    public static let paymentFailed = FailureCode("payment_failed")
    /// The server says the credential was already used.
    public static let paymentReplayed = FailureCode("payment_replayed")
    /// The payment was sent and nothing says whether it was taken.
    public static let paymentOutcomeUnknown = FailureCode("payment_outcome_unknown")
    /// A 402 without a payable challenge.
    public static let notPayable = FailureCode("not_payable")
    /// The target could not be reached; nothing was paid.
    public static let unreachable = FailureCode("unreachable")
}
