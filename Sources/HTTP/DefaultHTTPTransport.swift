/// The transport for production: `http://` over sockets, `https://` through the URLSession plugin
/// (loaded on the first https request); any other scheme is an error.
public struct DefaultHTTPTransport: HTTPTransport {
    /// Handles `http://`.
    public var socket: SocketHTTPTransport
    /// Handles `https://`.
    public var plugin: PluginHTTPTransport

    /// A transport with these limits; `pluginPath` overrides the search for `libTakNetworking.so`.
    public init(limits: HTTPTransportLimits = HTTPTransportLimits(), pluginPath: String? = nil) {
        socket = SocketHTTPTransport(limits: limits)
        plugin = PluginHTTPTransport(limits: limits, libraryPath: pluginPath)
    }

    /// Sends `request` by the transport its scheme calls for.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch try HTTPURL(parsing: request.url).scheme {
        case .http: try await socket.send(request)
        case .https: try await plugin.send(request)
        }
    }
}
