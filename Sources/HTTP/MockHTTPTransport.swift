/// A test double: answers each request with a closure, so tests of HTTP clients need no server.
///
/// ```swift
/// let transport = MockHTTPTransport { request in HTTPResponse(status: 200, body: Array("ok".utf8)) }
/// ```
public struct MockHTTPTransport: HTTPTransport {
    /// Produces the response (or throws) for a request.
    public let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// A transport answering with `handler`.
    public init(_ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) { self.handler = handler }

    /// Returns `handler(request)`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse { try await handler(request) }
}
