public import JSON
public import HTTP

/// How a negotiation ended.
public struct NegotiationResult: Sendable {
    /// The state the journal records.
    public var state: PaymentState
    /// The last response received, if any.
    public var response: HTTPResponse?
    /// Why (a server's reason, a rule, an error), in words.
    public var reason: String?
    /// The rule that refused the payment, for `.refused` and `.awaitingApproval`.
    public var violation: PolicyViolation?
    /// The policy's verdicts on the 402's offers, when one was read.
    public var selection: OfferSelection?
    /// The decoded receipt headers (`X-PAYMENT-RESPONSE`, `PAYMENT-RESPONSE`, `Payment-Receipt`).
    public var receipt: JSONObject?
    /// How many times the credential was sent.
    public var paidAttempts: Int

    /// A result.
    public init(state: PaymentState, response: HTTPResponse? = nil, reason: String? = nil, violation: PolicyViolation? = nil,
                selection: OfferSelection? = nil, receipt: JSONObject? = nil, paidAttempts: Int = 0) {
        self.state = state
        self.response = response
        self.reason = reason
        self.violation = violation
        self.selection = selection
        self.receipt = receipt
        self.paidAttempts = paidAttempts
    }

    /// The receipt headers of `response`, decoded; nil when there are none.
    public static func receipt(of response: HTTPResponse) -> JSONObject? {
        var receipt = JSONObject()
        if let value = response.header(PaymentHeaders.xPaymentResponse) { receipt["x402"] = X402Representation.receipt(value).map(JSONValue.object) ?? .string("unreadable") }
        if let value = response.header(PaymentHeaders.paymentResponse) { receipt["x402"] = X402Representation.receipt(value).map(JSONValue.object) ?? .string("unreadable") }
        if let value = response.header(PaymentHeaders.paymentReceipt) { receipt["mpp"] = .object(MPPRepresentation.receipt(value)) }
        return receipt.isEmpty ? nil : receipt
    }
}
