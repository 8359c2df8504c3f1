/// One HTTP request as a transport sends it.
public struct HTTPRequest: Sendable {
    /// The method, e.g. `GET` or `POST` (sent as given; it must be an HTTP token).
    public var method: String
    /// The absolute URL: `http://` or `https://`, a host (name, IPv4, or `[IPv6]`), an optional
    /// port, then path and query. A fragment is dropped.
    public var url: String
    /// Header fields to send. `Host`, `Content-Length` and `Connection` are set by the transport.
    public var headers: HTTPHeaders
    /// The body; sent with a `Content-Length`.
    public var body: [UInt8]
    /// The time allowed for the whole exchange: name lookup, connect, send, and the full response.
    public var timeout: Duration

    /// A request; by default a `GET` with no body and a 30-second timeout.
    public init(method: String = "GET", url: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
                timeout: Duration = .seconds(30)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded up and clamped to `0...Int64.max / 2`.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        guard seconds < Int64.max / 2_000 else { return Int64.max / 2 }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return seconds * 1_000 + fraction
    }
}
