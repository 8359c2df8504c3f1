/// One request as a server read it.
public struct HTTPServerRequest: Sendable {
    /// The method, as sent (e.g. `GET`).
    public var method: String
    /// The request target: path and query (`/paid/joke?x=1`).
    public var target: String
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body (by `Content-Length`).
    public var body: [UInt8]

    /// A request.
    public init(method: String, target: String, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The path, without the query.
    public var path: Substring { target.prefix { $0 != "?" } }

    /// The value of the first header field called `name` (any case), or nil.
    public func header(_ name: String) -> String? { headers[name] }
}

/// Size and time limits of `HTTPServer`.
public struct HTTPServerLimits: Sendable {
    /// The longest request line plus header block (default 64 KiB); longer gets 431.
    public var maxHeaderBytes: Int
    /// The largest body (default 1 MiB); larger gets 413.
    public var maxBodyBytes: Int
    /// How long a client may take to send its request (default 10 s).
    public var readTimeout: Duration

    /// Limits.
    public init(maxHeaderBytes: Int = 64 << 10, maxBodyBytes: Int = 1 << 20, readTimeout: Duration = .seconds(10)) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.readTimeout = readTimeout
    }
}
