/// Why a request produced no response; `message` says what happened and what to change.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, for code that reacts to it (retry on `.timeout`, and so on).
    public enum Code: String, Sendable, Equatable {
        /// The URL cannot be parsed, or has no host, a bad port, or user info.
        case invalidURL
        /// The scheme is neither `http` nor `https`.
        case unsupportedScheme
        /// The method, a header name or a header value is not valid HTTP.
        case invalidRequest
        /// The host name did not resolve.
        case nameResolutionFailed
        /// Every address of the host refused the connection (nothing listens on that port).
        case connectionRefused
        /// The connection could not be established for another reason (unreachable, reset…).
        case connectFailed
        /// The connection was not established within the connect timeout.
        case connectTimeout
        /// The whole exchange did not finish within the request's timeout.
        case timeout
        /// Sending or receiving failed on an established connection.
        case ioFailed
        /// The server closed the connection before the response was complete.
        case truncatedResponse
        /// The response is not valid HTTP/1.x.
        case malformedResponse
        /// The status line and header fields exceed the header limit.
        case headersTooLarge
        /// The body exceeds the body limit.
        case bodyTooLarge
        /// `libTakNetworking.so`, needed for https, was not found or could not be loaded.
        case pluginUnavailable
        /// The plugin failed in another way (TLS, DNS, connection… as URLSession reports it).
        case pluginFailed
    }

    /// The kind of failure.
    public var code: Code
    /// What happened and what to change, in words.
    public var message: String

    /// An error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
