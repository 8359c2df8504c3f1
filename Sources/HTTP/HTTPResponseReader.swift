/// Reads one HTTP/1.x response (RFC 9112) from a byte stream, enforcing the size limits.
struct HTTPResponseReader<Source: ByteSource> {
    /// How the body is delimited.
    private enum Framing: Equatable {
        /// No body (HEAD, 1xx, 204, 304).
        case none
        /// Exactly this many bytes.
        case length(Int)
        /// `Transfer-Encoding: chunked`.
        case chunked
        /// Until the server closes the connection.
        case close
    }

    /// The buffered stream.
    private var reader: BufferedReader<Source>
    /// The size limits.
    private let limits: HTTPTransportLimits
    /// The request's method (a HEAD response has no body).
    private let method: String
    /// `host:port`, for messages.
    private let peer: String
    /// Header bytes still allowed (status lines, fields and trailers together).
    private var headerBudget: Int

    /// A reader of the response to a `method` request, from `peer`.
    init(_ source: Source, limits: HTTPTransportLimits, method: String, peer: String) {
        reader = BufferedReader(source)
        self.limits = limits
        self.method = method
        self.peer = peer
        headerBudget = limits.maxHeaderBytes
    }

    /// Reads the final response, skipping interim 1xx responses.
    mutating func read() throws -> HTTPResponse {
        while true {
            let status = try readStatusLine()
            let headers = try readFields()
            if (100..<200).contains(status), status != 101 { continue }
            let framing = try framing(status: status, headers: headers)
            return HTTPResponse(status: status, headers: headers, body: try readBody(framing))
        }
    }

    // MARK: Head

    /// An error for a response that breaks HTTP/1.x.
    private func malformed(_ reason: String) -> HTTPTransportError {
        HTTPTransportError(.malformedResponse, "the response from \(peer) is not valid HTTP/1.1 (\(reason)): check that the URL points at an HTTP server")
    }

    /// The error for a header block over the limit.
    private var headersTooLarge: HTTPTransportError {
        HTTPTransportError(.headersTooLarge, "the response header from \(peer) exceeds \(limits.maxHeaderBytes) bytes: raise HTTPTransportLimits.maxHeaderBytes")
    }

    /// The next line of the head (`what` names it for messages), charged to the header budget.
    private mutating func headLine(_ what: String) throws -> [UInt8] {
        switch try reader.readLine(maxLength: headerBudget) {
        case .line(let line):
            headerBudget -= line.count + 2
            return line
        case .tooLong: throw headersTooLarge
        case .end(let partial):
            if partial == 0, headerBudget == limits.maxHeaderBytes {
                throw HTTPTransportError(.truncatedResponse, "\(peer) closed the connection without a response: check the server's logs")
            }
            throw HTTPTransportError(.truncatedResponse, "\(peer) closed the connection in the middle of the \(what)")
        }
    }

    /// Reads `HTTP/1.x NNN reason` and returns the status code.
    private mutating func readStatusLine() throws -> Int {
        let line = try headLine("status line")
        let text = String(decoding: line, as: UTF8.self)
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[0].count == 8 else {
            throw malformed("status line \"\(text.prefix(80))\"")
        }
        guard parts[1].utf8.count == 3, parts[1].utf8.allSatisfy({ $0 &- 0x30 < 10 }), let status = Int(parts[1]), status >= 100 else {
            throw malformed("status code \"\(parts[1].prefix(20))\"")
        }
        return status
    }

    /// Reads header fields up to the blank line; folded continuation lines join the previous value.
    private mutating func readFields() throws -> HTTPHeaders {
        var fields: [(name: String, value: String)] = []
        while true {
            let line = try headLine("header")
            if line.isEmpty { return HTTPHeaders(fields) }
            switch HTTPFieldLine.parse(line) {
            case .field(let name, let value):
                fields.append((name: name, value: value))
            case .continuation(let more):
                guard !fields.isEmpty else { throw malformed("a continuation line before any field") }
                fields[fields.count - 1].value += " " + more
            case .malformed:
                throw malformed("header line \"\(String(decoding: line.prefix(80), as: UTF8.self))\"")
            }
        }
    }

    /// `bytes` without leading and trailing spaces and tabs, as text.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String { HTTPFieldLine.trimmed(bytes) }

    /// How the body of a `status` response with `headers` is delimited (RFC 9112 §6.3).
    private func framing(status: Int, headers: HTTPHeaders) throws -> Framing {
        if method.uppercased() == "HEAD" || status < 200 || status == 204 || status == 304 { return .none }
        if headers.contains("Transfer-Encoding") {
            let codings = headers.values(for: "Transfer-Encoding").flatMap { $0.split(separator: ",") }
            let last = codings.last.map { HTTPResponseReader.trimmed(Array($0.utf8)[...]).lowercased() }
            return last == "chunked" ? .chunked : .close
        }
        let lengths = headers.values(for: "Content-Length").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let first = lengths.first else { return .close }
        let texts = Set(lengths.map { HTTPResponseReader.trimmed(Array($0.utf8)[...]) })
        guard texts.count == 1, let text = texts.first, !text.isEmpty, text.utf8.count <= 18,
              text.utf8.allSatisfy({ $0 &- 0x30 < 10 }), let length = Int(text) else {
            throw malformed("Content-Length \"\(first.prefix(40))\"")
        }
        return .length(length)
    }

    // MARK: Body

    /// The error for a body over the limit.
    private var bodyTooLarge: HTTPTransportError {
        HTTPTransportError(.bodyTooLarge, "the response body from \(peer) exceeds \(limits.maxResponseBodyBytes) bytes: raise HTTPTransportLimits.maxResponseBodyBytes or request less data")
    }

    /// Reads the body as `framing` says.
    private mutating func readBody(_ framing: Framing) throws -> [UInt8] {
        var body: [UInt8] = []
        switch framing {
        case .none:
            break
        case .length(let length):
            guard length <= limits.maxResponseBodyBytes else { throw bodyTooLarge }
            body = try reader.read(exactly: length) { [peer] missing in
                HTTPTransportError(.truncatedResponse, "\(peer) closed the connection \(missing) bytes before the end of the body")
            }
        case .chunked:
            try readChunks(into: &body)
        case .close:
            // Asks for one byte past the limit: a body exactly at the limit is accepted, a longer one is not.
            while true {
                let room = limits.maxResponseBodyBytes - body.count
                guard try reader.read(upTo: room < Int.max ? room + 1 : room, into: &body) > 0 else { break }
                guard body.count <= limits.maxResponseBodyBytes else { throw bodyTooLarge }
            }
        }
        return body
    }

    /// Appends the data of a chunked body to `body`, then skips the trailer fields.
    private mutating func readChunks(into body: inout [UInt8]) throws {
        while true {
            let line: [UInt8]
            switch try reader.readLine(maxLength: 1024) {
            case .line(let read): line = read
            case .tooLong: throw malformed("a chunk size line over 1024 bytes")
            case .end: throw HTTPTransportError(.truncatedResponse, "\(peer) closed the connection in the middle of a chunked body")
            }
            let sizeText = HTTPResponseReader.trimmed(line.prefix { $0 != UInt8(ascii: ";") }[...])
            guard !sizeText.isEmpty, sizeText.utf8.count <= 15, sizeText.utf8.allSatisfy({ HTTPResponseReader.isHexDigit($0) }),
                  let size = Int(sizeText, radix: 16) else {
                throw malformed("chunk size \"\(sizeText.prefix(20))\"")
            }
            if size == 0 { break }
            guard size <= limits.maxResponseBodyBytes - body.count else { throw bodyTooLarge }
            body += try reader.read(exactly: size) { [peer] missing in
                HTTPTransportError(.truncatedResponse, "\(peer) closed the connection \(missing) bytes before the end of a chunk")
            }
            guard case .line(let end) = try reader.readLine(maxLength: 2), end.isEmpty else {
                throw malformed("chunk data not followed by CR LF")
            }
        }
        while try !headLine("trailer").isEmpty {}
    }

    /// Whether `byte` is `0`…`9`, `a`…`f` or `A`…`F`.
    private static func isHexDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 6 }
}
