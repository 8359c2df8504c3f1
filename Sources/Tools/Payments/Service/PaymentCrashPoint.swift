import HTTP
import Payments

/// A test hook, like the store's fault injection: with `TAK_TEST_PAYMENT_CRASH` set, the process
/// kills itself (SIGKILL, as `kill -9` would) at that point of a payment, so tests can show what
/// a restart finds. Unset in production.
public enum PaymentCrashPoint: String, Sendable {
    /// The variable naming the point.
    public static let variable = "TAK_TEST_PAYMENT_CRASH"

    /// After the 402 was read and checked, before anything is signed or reserved.
    case beforeSigning = "before_signing"
    /// After the credential and reservation were written, before the paid request is sent.
    case afterSigning = "after_signing"
    /// After the answer to the paid request arrived, before the journal records it.
    case afterResponse = "after_response"

    /// Dies now if `point` is this one.
    func trigger(_ point: PaymentCrashPoint) {
        if point == self { kill(getpid(), SIGKILL) }
    }
}

/// A transport that dies after receiving the answer to a paid request (`after_response`).
struct CrashingTransport: HTTPTransport {
    /// The real transport.
    let base: any HTTPTransport
    /// Where to die.
    let point: PaymentCrashPoint

    /// Sends, then dies when the request carried a payment credential.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await base.send(request)
        let paid = PaymentHeaders.credentialHeaders.contains { name in
            request.headers[name].map { HTTPHeaders.sameName(name, "Authorization") ? $0.hasPrefix("Payment ") : true } ?? false
        }
        if paid { point.trigger(.afterResponse) }
        return response
    }
}
