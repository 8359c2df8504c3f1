import Synchronization
public import JSON

/// A JSON-RPC 2.0 client over HTTP: each call is one POST of `application/json`, with ids
/// 1, 2, 3… per client. Error objects, non-2xx statuses and unreadable replies become
/// `JSONRPCClientError`; transport failures stay `HTTPTransportError`.
public final class JSONRPCClient: Sendable {
    /// The endpoint.
    public let url: String
    /// What sends the requests.
    public let transport: any HTTPTransport
    /// Extra header fields for every call (e.g. `Authorization`).
    public let headers: HTTPHeaders
    /// The timeout of each call.
    public let timeout: Duration
    /// The next request id.
    private let nextID = Mutex<Int64>(1)

    /// A client of the endpoint at `url`.
    public init(url: String, transport: any HTTPTransport = DefaultHTTPTransport(), headers: HTTPHeaders = [:],
                timeout: Duration = .seconds(30)) {
        self.url = url
        self.transport = transport
        self.headers = headers
        self.timeout = timeout
    }

    /// Calls `method` with `params` (an object or array; `.null` sends none) and returns its result.
    public func call(method: String, params: JSONValue = .null) async throws -> JSONValue {
        let id = nextID.withLock { next in
            defer { next += 1 }
            return next
        }
        var envelope: JSONObject = ["jsonrpc": "2.0", "id": .integer(id), "method": .string(method)]
        if !params.isNull { envelope["params"] = params }
        var fields = headers
        fields["Content-Type"] = "application/json"
        if !fields.contains("Accept") { fields["Accept"] = "application/json" }
        let request = HTTPRequest(method: "POST", url: url, headers: fields, body: JSONValue.object(envelope).serialized(), timeout: timeout)
        let response = try await transport.send(request)
        return try JSONRPCClient.result(of: response, id: id, method: method, url: url)
    }

    /// The `result` of `response` to the call `id`, or the error it carries.
    static func result(of response: HTTPResponse, id: Int64, method: String, url: String) throws(JSONRPCClientError) -> JSONValue {
        let reply = try? JSONValue.parse(response.body)
        let status = response.isSuccess ? "" : "HTTP \(response.status), "
        if let error = reply?["error"], !error.isNull {
            let code = error["code"]?.integerValue ?? 0
            let message = error["message"]?.stringValue ?? error.jsonText
            throw JSONRPCClientError(.remote(code: code), "\(method) failed at \(url) (\(status)error \(code)): \(message)", data: error["data"])
        }
        guard response.isSuccess else {
            throw JSONRPCClientError(.httpStatus(response.status), """
                \(method) failed at \(url): HTTP \(response.status) \(JSONRPCClient.snippet(response.body)): \
                check the URL, credentials and the server's logs
                """)
        }
        guard let reply, reply.objectValue != nil else {
            throw JSONRPCClientError(.invalidResponse, "\(method) at \(url) answered with something other than a JSON object: \(JSONRPCClient.snippet(response.body))")
        }
        guard reply["id"]?.integerValue == id else {
            throw JSONRPCClientError(.invalidResponse, "\(method) at \(url) answered with id \(reply["id"]?.jsonText ?? "none"), expected \(id)")
        }
        guard let result = reply["result"] else {
            throw JSONRPCClientError(.invalidResponse, "\(method) at \(url) answered with neither result nor error")
        }
        return result
    }

    /// The start of `body` as quoted text, for messages.
    static func snippet(_ body: [UInt8]) -> String {
        guard !body.isEmpty else { return "(empty body)" }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return JSONValue.string(body.count > 200 ? text + "…" : text).jsonText
    }
}

/// A JSON-RPC call that reached the server but did not produce a result.
public struct JSONRPCClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The server answered with a JSON-RPC error object carrying `code`.
        case remote(code: Int64)
        /// The server answered with this non-2xx status and no error object.
        case httpStatus(Int)
        /// The reply is not a JSON-RPC response to this call.
        case invalidResponse
    }

    /// What went wrong.
    public var kind: Kind
    /// The method, the endpoint, and the server's words.
    public var message: String
    /// The error object's `data`, if any.
    public var data: JSONValue?

    /// An error.
    public init(_ kind: Kind, _ message: String, data: JSONValue? = nil) {
        self.kind = kind
        self.message = message
        self.data = data
    }

    /// The message.
    public var description: String { message }
}
