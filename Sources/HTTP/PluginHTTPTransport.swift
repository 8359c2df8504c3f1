import Dispatch
import JSON

/// HTTP and HTTPS through `libTakNetworking.so` (URLSession), loaded on first use so that the
/// `tak-mcp` binary never links FoundationNetworking. Redirects are returned, not followed; repeated
/// response fields may arrive joined with `, `; only the overall timeout and the body limit apply.
///
/// The library is looked for at `libraryPath` when set, otherwise at `$TAK_NETWORKING_LIB`, next to
/// the executable, then in `../lib/` from it; when it is missing, `send` throws `.pluginUnavailable`
/// saying what to install where.
///
/// Once the plugin has run a request, Foundation owns the main dispatch queue: in a process whose
/// main thread parked in `dispatchMain()` (top-level `await` in `main.swift`), main-queue and
/// `@MainActor` work stops running. `tak-mcp` is unaffected: its main thread runs the stdin loop
/// and nothing uses the main queue or the main actor; keep it that way.
public struct PluginHTTPTransport: HTTPTransport {
    /// The size limits (only `maxResponseBodyBytes` applies).
    public var limits: HTTPTransportLimits
    /// The library's path, or nil for the default search.
    public var libraryPath: String?

    /// A transport using the library at `libraryPath`, or the one the default search finds.
    public init(limits: HTTPTransportLimits = HTTPTransportLimits(), libraryPath: String? = nil) {
        self.limits = limits
        self.libraryPath = libraryPath
    }

    /// Sends `request` (an `http://` or `https://` URL) through the plugin and returns the response.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try HTTPURL(parsing: request.url)
        let json = PluginHTTPTransport.requestJSON(request, headers: try request.validatedFields(), limits: limits)
        let libraryPath = self.libraryPath
        return try await BlockingIO.cancellable { signal in
            try signal.checkCancelled()
            let plugin = try NetworkingPlugin.load(path: libraryPath)
            return try PluginHTTPTransport.perform(json, body: request.body, plugin: plugin, signal: signal)
        }
    }

    /// The request JSON the plugin reads, with the caller's `headers` (without the fields the
    /// transport owns, which are left to URLSession).
    static func requestJSON(_ request: HTTPRequest, headers: [(name: String, value: String)], limits: HTTPTransportLimits) -> [UInt8] {
        let object: JSONValue = [
            "method": .string(request.method),
            "url": .string(request.url),
            "headers": .array(headers.map { [.string($0.name), .string($0.value)] }),
            "timeout_ms": .integer(max(request.timeout.wholeMilliseconds, 1)),
            "max_body_bytes": .integer(Int64(limits.maxResponseBodyBytes)),
        ]
        return object.serialized() + [0]
    }

    /// Calls `tak_http_perform` (blocking) and converts its out-parameters, freeing them.
    static func perform(_ json: [UInt8], body: [UInt8], plugin: NetworkingPlugin, signal: CancellationSignal) throws -> HTTPResponse {
        var headJSON: UnsafeMutablePointer<CChar>?
        var bodyBytes: UnsafeMutablePointer<UInt8>?
        var bodyLength = 0
        var error: UnsafeMutablePointer<CChar>?
        let status = json.withUnsafeBufferPointer { jsonBuffer in
            body.withUnsafeBufferPointer { bodyBuffer in
                jsonBuffer.withMemoryRebound(to: CChar.self) { text in
                    plugin.perform(text.baseAddress, bodyBuffer.baseAddress, bodyBuffer.count, signal.pollFD,
                                   &headJSON, &bodyBytes, &bodyLength, &error)
                }
            }
        }
        defer {
            plugin.free(headJSON)
            plugin.free(bodyBytes)
            plugin.free(error)
        }
        guard status == 0 else {
            let message = error.map { String(cString: $0) } ?? "libTakNetworking failed with status \(status)"
            switch status {
            case 1: throw HTTPTransportError(.invalidRequest, message)
            case 2: throw HTTPTransportError(.timeout, message)
            case 3: throw CancellationError()
            case 4: throw HTTPTransportError(.bodyTooLarge, message)
            default: throw HTTPTransportError(.pluginFailed, message)
            }
        }
        guard let headJSON, bodyLength == 0 || bodyBytes != nil,
              let head = try? JSONValue.parse(String(cString: headJSON)),
              let code = head["status"]?.integerValue, let fields = head["headers"]?.arrayValue else {
            throw HTTPTransportError(.pluginFailed, "libTakNetworking returned an unreadable response: reinstall it from the same TakMCP build")
        }
        let headers = HTTPHeaders(fields.compactMap { pair in
            guard let name = pair.arrayValue?.first?.stringValue, let value = pair.arrayValue?.last?.stringValue else { return nil }
            return (name: name, value: value)
        })
        let bytes = bodyBytes.map { Array(UnsafeBufferPointer(start: $0, count: bodyLength)) } ?? []
        return HTTPResponse(status: Int(code), headers: headers, body: bytes)
    }
}
