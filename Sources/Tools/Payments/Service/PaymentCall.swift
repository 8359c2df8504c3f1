public import JSON
public import HTTP
public import Payments
import Crypto

/// One `make_payment` (or `payment_quote`) call, validated: the request to make and the call's limits.
public struct PaymentCall: Sendable {
    /// The paying agent.
    public var agentID: String
    /// The request, without any payment header.
    public var request: HTTPRequest
    /// The call's `max_amount`, atomic units.
    public var maxAmountAtomic: UInt64?
    /// The call's idempotency key (quotes have none).
    public var idempotencyKey: String
    /// The protocols the call may pay with (`protocol`: x402 or mpp); nil: any.
    public var protocols: Set<PaymentProtocol>?

    /// Header fields a caller may not set: the credential headers are the negotiator's to write.
    static let reservedHeaders = ["X-PAYMENT", "PAYMENT-SIGNATURE", "Payment-Authorization", "Idempotency-Key"]

    /// Builds the request from tool arguments; throws `invalid_request` naming the field.
    public init(agentID: String, url: String, method: String?, headers: JSONObject?, body: JSONValue?, idempotencyKey: String,
                maxAmount: String?, protocol name: String? = nil) throws {
        self.agentID = agentID
        switch name {
        case nil: protocols = nil
        case "x402"?: protocols = [.x402v1, .x402v2]
        case "mpp"?: protocols = [.mpp]
        case let other?: throw ToolFailure.invalidRequest("protocol must be x402 or mpp; got \(other)", field: "protocol")
        }
        self.idempotencyKey = idempotencyKey
        do { _ = try HTTPURL(parsing: url) } catch { throw ToolFailure.invalidRequest("url: \(error.message)", field: "url") }
        let method = (method ?? "GET").uppercased()
        guard !method.isEmpty, method.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
            throw ToolFailure.invalidRequest("method must be an HTTP method such as GET or POST; got \(method)", field: "method")
        }
        var fields = HTTPHeaders()
        for (name, value) in headers ?? [:] {
            guard let text = value.stringValue else { throw ToolFailure.invalidRequest("headers.\(name) must be a string", field: "headers") }
            if Self.reservedHeaders.contains(where: { HTTPHeaders.sameName($0, name) }) {
                throw ToolFailure.invalidRequest("headers may not set \(name): the payment negotiator writes it", field: "headers")
            }
            if HTTPHeaders.sameName(name, "Authorization"), text.lowercased().hasPrefix("payment ") {
                throw ToolFailure.invalidRequest("headers.Authorization may not carry a Payment credential: the payment negotiator writes it", field: "headers")
            }
            fields.add(name, text)
        }
        var bytes: [UInt8] = []
        switch body {
        case nil, .null?: break
        case .string(let text)?:
            bytes = Array(text.utf8)
            if !fields.contains("Content-Type") { fields.add("Content-Type", "text/plain; charset=utf-8") }
        case let value?:
            bytes = value.serialized()
            if !fields.contains("Content-Type") { fields.add("Content-Type", "application/json") }
        }
        if let maxAmount {
            guard let value = UInt64(maxAmount), maxAmount.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else {
                throw ToolFailure.invalidRequest("max_amount must be a decimal integer string of atomic units (1 USDC = 1000000); got \(maxAmount)", field: "max_amount")
            }
            maxAmountAtomic = value
        }
        request = HTTPRequest(method: method, url: url, headers: fields, body: bytes, timeout: .seconds(30))
    }

    /// SHA-256 over method, URL, headers (names lower-cased, sorted), body and max_amount: the
    /// same key must name the same request.
    public var fingerprint: String {
        let headers = request.headers.fields.map { JSONValue.array([.string($0.name.lowercased()), .string($0.value)]) }
            .sorted { $0.jsonText < $1.jsonText }
        let document: JSONValue = [.string(request.method), .string(request.url), .array(headers), .string(Hex.encode(request.body)),
                                   maxAmountAtomic.map { .string(String($0)) } ?? .null,
                                   protocols.map { .array($0.map(\.rawValue).sorted().map(JSONValue.string)) } ?? .null]
        return Hex.encode(SHA256.hash(document.serialized()), prefix: false)
    }
}
