/// Something that performs HTTP requests: sockets, the URLSession plugin, or a test double.
///
/// A transport returns every response it receives, whatever its status (3xx included: redirects
/// are not followed), and throws `HTTPTransportError` when no response arrives, or
/// `CancellationError` when the calling task is cancelled.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Size and time limits shared by the transports.
public struct HTTPTransportLimits: Sendable {
    /// The largest response body accepted, in bytes (default 16 MiB); a larger one is an error.
    public var maxResponseBodyBytes: Int
    /// The largest status line plus header block accepted, in bytes (default 64 KiB; sockets only).
    public var maxHeaderBytes: Int
    /// The time allowed to establish the TCP connection, within the request's overall timeout
    /// (default 10 s; sockets only, the plugin applies only the overall timeout).
    public var connectTimeout: Duration

    /// Limits; the defaults suit JSON APIs.
    public init(maxResponseBodyBytes: Int = 16 << 20, maxHeaderBytes: Int = 64 << 10, connectTimeout: Duration = .seconds(10)) {
        self.maxResponseBodyBytes = maxResponseBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.connectTimeout = connectTimeout
    }
}
