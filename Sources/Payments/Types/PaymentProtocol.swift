/// The HTTP 402 payment protocols the negotiator reads.
public enum PaymentProtocol: String, Sendable, Equatable, CaseIterable {
    /// x402 version 1: requirements in the 402's JSON body, payment in `X-PAYMENT`.
    case x402v1 = "x402-v1"
    /// x402 version 2: requirements in `PAYMENT-REQUIRED`, payment in `PAYMENT-SIGNATURE`.
    case x402v2 = "x402-v2"
    /// The Machine Payments Protocol: `WWW-Authenticate: Payment …`, `Authorization: Payment …`.
    case mpp

    /// The header our credential goes in (MPP may name another with `header=`).
    public var credentialHeader: String {
        switch self {
        case .x402v1: PaymentHeaders.xPayment
        case .x402v2: PaymentHeaders.paymentSignature
        case .mpp: PaymentHeaders.authorization
        }
    }
}

/// The header names of the three protocols.
public enum PaymentHeaders {
    /// x402 v1 payment.
    public static let xPayment = "X-PAYMENT"
    /// x402 v1 settlement receipt.
    public static let xPaymentResponse = "X-PAYMENT-RESPONSE"
    /// x402 v2 requirements.
    public static let paymentRequired = "PAYMENT-REQUIRED"
    /// x402 v2 payment.
    public static let paymentSignature = "PAYMENT-SIGNATURE"
    /// x402 v2 settlement receipt.
    public static let paymentResponse = "PAYMENT-RESPONSE"
    /// MPP challenge.
    public static let wwwAuthenticate = "WWW-Authenticate"
    /// MPP credential (unless the challenge names another header).
    public static let authorization = "Authorization"
    /// MPP receipt.
    public static let paymentReceipt = "Payment-Receipt"
    /// Sent with every paid retry, so the server can de-duplicate.
    public static let idempotencyKey = "Idempotency-Key"
    /// Headers that carry credentials: never returned to the model nor logged.
    public static let credentialHeaders = [xPayment, paymentSignature, authorization, "Payment-Authorization", "Cookie", "Proxy-Authorization"]
    /// Receipt headers, decoded into `payment.receipt`.
    public static let receiptHeaders = [xPaymentResponse, paymentResponse, paymentReceipt]
}
