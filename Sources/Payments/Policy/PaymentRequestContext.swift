public import HTTP
import Crypto

/// The request a payment would be for, and the call's own limit: what offers are checked against.
public struct PaymentRequestContext: Sendable {
    /// The HTTP method, upper case.
    public var method: String
    /// The URL, parsed.
    public var url: HTTPURL
    /// The body that will be sent.
    public var body: [UInt8]
    /// The call's `max_amount`, if given.
    public var maxAmountAtomic: UInt64?
    /// Now, Unix seconds.
    public var now: Int64
    /// The protocols the call accepts paying with; nil: any.
    public var protocols: Set<PaymentProtocol>?

    /// A context; throws the transport's error for a URL it could not send to.
    public init(method: String, url: String, body: [UInt8] = [], maxAmountAtomic: UInt64? = nil, now: Int64,
                protocols: Set<PaymentProtocol>? = nil) throws(HTTPTransportError) {
        self.protocols = protocols
        self.method = method.uppercased()
        self.url = try HTTPURL(parsing: url)
        self.body = body
        self.maxAmountAtomic = maxAmountAtomic
        self.now = now
    }

    /// The RFC 9530 `sha-256=:…:` digest of the body.
    public var bodyDigest: String { "sha-256=:" + Base64.encode(SHA256.hash(body)) + ":" }
}
