/// One HTTP response: the final status, its header fields and the whole body.
public struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The header fields in the order received; repeated fields are kept (the plugin transport
    /// may receive repeats already joined with `, ` by URLSession).
    public var headers: HTTPHeaders
    /// The body, decoded from chunked framing if it was chunked.
    public var body: [UInt8]

    /// A response.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header field called `name` (any case), or nil.
    public func header(_ name: String) -> String? { headers[name] }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as UTF-8 text (invalid bytes become U+FFFD).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
