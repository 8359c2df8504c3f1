public import JSON
public import HTTP
import Payments

/// The target's response as `make_payment` returns it: status, the content type and decoded
/// receipt headers (never a credential header), and the body as JSON or text, capped.
public enum PaymentResponseView {
    /// The most body bytes returned (64 KiB); the rest is cut and `truncated` is true.
    public static let bodyCap = 64 << 10

    /// `{status, headers, body, truncated}` for `response`.
    public static func json(_ response: HTTPResponse) -> JSONObject {
        var headers = JSONObject()
        if let type = response.header("Content-Type") { headers["content-type"] = .string(type) }
        if let value = response.header(PaymentHeaders.xPaymentResponse) {
            headers["x-payment-response"] = X402Representation.receipt(value).map(JSONValue.object) ?? "unreadable"
        }
        if let value = response.header(PaymentHeaders.paymentResponse) {
            headers["payment-response"] = X402Representation.receipt(value).map(JSONValue.object) ?? "unreadable"
        }
        if let value = response.header(PaymentHeaders.paymentReceipt) { headers["payment-receipt"] = .object(MPPRepresentation.receipt(value)) }
        if let value = response.header("Retry-After") { headers["retry-after"] = .string(value) }
        let truncated = response.body.count > bodyCap
        let bytes = truncated ? Array(response.body.prefix(bodyCap)) : response.body
        var body: JSONValue = .string(String(decoding: bytes, as: UTF8.self))
        if !truncated, response.header("Content-Type")?.lowercased().contains("json") ?? true, let parsed = try? JSONValue.parse(bytes) {
            body = parsed
        }
        if response.body.isEmpty { body = .null }
        return ["status": .integer(Int64(response.status)), "headers": .object(headers), "body": body, "truncated": .bool(truncated)]
    }
}
