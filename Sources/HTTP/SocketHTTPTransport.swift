import Dispatch

/// Plain-HTTP/1.1 client over POSIX sockets, for `http://` URLs: one connection per request
/// (`Connection: close`), no redirects followed, no TLS, and no FoundationNetworking.
///
/// The blocking socket work runs on a Dispatch thread, never on Swift's cooperative pool; it ends
/// at the request's timeout, and promptly when the calling task is cancelled. Name lookup
/// (`getaddrinfo`) cannot be interrupted: a hanging DNS server can outlast the timeout.
public struct SocketHTTPTransport: HTTPTransport {
    /// The size and time limits.
    public var limits: HTTPTransportLimits

    /// A transport with these limits.
    public init(limits: HTTPTransportLimits = HTTPTransportLimits()) { self.limits = limits }

    /// Sends `request` (an `http://` URL) and returns the response.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let url = try HTTPURL(parsing: request.url)
        guard url.scheme == .http else {
            throw HTTPTransportError(.unsupportedScheme, "SocketHTTPTransport speaks plain http only: send https:// URLs through DefaultHTTPTransport or PluginHTTPTransport")
        }
        let head = try request.wireHead(for: url)
        let limits = self.limits
        return try await BlockingIO.cancellable { signal in
            try SocketHTTPTransport.exchange(request, url: url, head: head, limits: limits, signal: signal)
        }
    }

    /// Connects, sends `head` and the body, and reads the response; blocks the calling thread.
    static func exchange(_ request: HTTPRequest, url: HTTPURL, head: [UInt8], limits: HTTPTransportLimits,
                         signal: CancellationSignal) throws -> HTTPResponse {
        try signal.checkCancelled()
        let deadline = ContinuousClock.now + request.timeout
        let milliseconds = request.timeout.wholeMilliseconds
        let target = request.url
        let connection = try SocketConnection.open(url, deadline: deadline, connectTimeout: limits.connectTimeout, signal: signal) {
            HTTPTransportError(.timeout, "no complete response from \(target) within \(milliseconds) ms: raise the request's timeout if the server is slow")
        }
        try connection.sendAll(request.body.isEmpty ? head : head + request.body)
        var reader = HTTPResponseReader(connection, limits: limits, method: request.method, peer: connection.peer)
        return try reader.read()
    }
}
