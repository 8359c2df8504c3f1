/// Reads one HTTP/1.x request (RFC 9112) from a byte stream: request line, fields, and a
/// `Content-Length` body, within the server's limits. Errors carry the status to answer with.
struct HTTPRequestReader<Source: ByteSource> {
    /// A request that cannot be served, and the status that says why.
    struct Refusal: Error, Equatable {
        /// 400, 411, 413, 431 or 505.
        var status: Int
        /// Why, for the response body.
        var reason: String
    }

    /// The buffered stream.
    private var reader: BufferedReader<Source>
    /// The limits.
    private let limits: HTTPServerLimits
    /// Header bytes still allowed.
    private var headerBudget: Int

    /// A reader of `source`.
    init(_ source: Source, limits: HTTPServerLimits) {
        reader = BufferedReader(source, capacity: 16 << 10)
        self.limits = limits
        headerBudget = limits.maxHeaderBytes
    }

    /// The next line of the head; nil at a clean end of stream before any byte.
    private mutating func headLine() throws -> [UInt8]? {
        switch try reader.readLine(maxLength: headerBudget) {
        case .line(let line):
            headerBudget -= line.count + 2
            return line
        case .tooLong: throw Refusal(status: 431, reason: "the request head exceeds \(limits.maxHeaderBytes) bytes")
        case .end(let partial):
            if partial == 0, headerBudget == limits.maxHeaderBytes { return nil }
            throw Refusal(status: 400, reason: "the connection closed in the middle of the request head")
        }
    }

    /// Reads the request; nil when the client closed without sending one.
    mutating func read() throws -> HTTPServerRequest? {
        var line: [UInt8]?
        repeat { line = try headLine() } while line?.isEmpty == true  // RFC 9112 §2.2: ignore leading empty lines
        guard let requestLine = line else { return nil }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, HTTPSyntax.isToken(String(decoding: parts[0], as: UTF8.self)), !parts[1].isEmpty else {
            throw Refusal(status: 400, reason: "malformed request line")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw Refusal(status: 505, reason: "only HTTP/1.x is served") }
        var fields: [(name: String, value: String)] = []
        while let next = try headLine() {
            if next.isEmpty { break }
            switch HTTPFieldLine.parse(next) {
            case .field(let name, let value): fields.append((name: name, value: value))
            case .continuation(let more):
                guard !fields.isEmpty else { throw Refusal(status: 400, reason: "a continuation line before any field") }
                fields[fields.count - 1].value += " " + more
            case .malformed: throw Refusal(status: 400, reason: "malformed header line")
            }
        }
        let headers = HTTPHeaders(fields)
        if headers.contains("Transfer-Encoding") { throw Refusal(status: 411, reason: "send the body with a Content-Length") }
        var body: [UInt8] = []
        if let lengthText = headers["Content-Length"] {
            guard lengthText.utf8.count <= 18, lengthText.utf8.allSatisfy({ $0 &- 0x30 < 10 }), let length = Int(lengthText) else {
                throw Refusal(status: 400, reason: "malformed Content-Length")
            }
            guard length <= limits.maxBodyBytes else { throw Refusal(status: 413, reason: "the body exceeds \(limits.maxBodyBytes) bytes") }
            body = try reader.read(exactly: length) { _ in Refusal(status: 400, reason: "the connection closed before the end of the body") }
        }
        return HTTPServerRequest(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                                 headers: headers, body: body)
    }
}
