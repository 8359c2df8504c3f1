import Testing
@testable import HTTP

/// A `ByteSource` handing out an array a few bytes per read, to cross every buffer boundary.
struct TrickleSource: ByteSource {
    /// What is left to hand out.
    var bytes: ArraySlice<UInt8>
    /// The most bytes one read returns.
    let step: Int

    /// Copies up to `step` bytes.
    mutating func receive(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(step, buffer.count, bytes.count)
        buffer.copyBytes(from: bytes.prefix(count))
        bytes = bytes.dropFirst(count)
        return count
    }
}

/// The response parser over byte streams that arrive in small pieces.
@Suite struct HTTPResponseReaderTests {
    /// Parses `text` handed out `step` bytes at a time.
    func parse(_ text: String, step: Int, method: String = "GET", limits: HTTPTransportLimits = HTTPTransportLimits()) throws -> HTTPResponse {
        var reader = HTTPResponseReader(TrickleSource(bytes: Array(text.utf8)[...], step: step), limits: limits, method: method, peer: "test")
        return try reader.read()
    }

    /// A response handed out a few bytes per read parses the same as one read at once.
    @Test(arguments: [1, 2, 3, 7, 64, 100_000])
    func parsesAcrossReadBoundaries(step: Int) throws {
        let text = "HTTP/1.1 200 OK\nX-A:  spaced value \t\r\nX-Folded: one\r\n two\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
            + "3\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\n"
        let response = try parse(text, step: step)
        #expect(response.status == 200)
        #expect(response.header("x-a") == "spaced value")
        #expect(response.header("X-Folded") == "one two")
        #expect(response.text == "abc0123456789")
    }

    /// A status line may lack the reason phrase.
    @Test func aStatusLineMayLackAReason() throws {
        #expect(try parse("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", step: 5).status == 404)
    }

    /// Responses that break HTTP/1.1 syntax are `.malformedResponse`.
    @Test(arguments: ["HTTP/2 200 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
                      "HTTP/1.1 200 OK\r\n folded-first\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n"])
    func rejectsMalformedResponses(text: String) {
        #expect { try parse(text, step: 4) } throws: { ($0 as? HTTPTransportError)?.code == .malformedResponse }
    }

    /// Chunked trailers count against the header limit.
    @Test func chargesTrailersToTheHeaderLimit() {
        let limits = HTTPTransportLimits(maxHeaderBytes: 200)
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: \(String(repeating: "t", count: 300))\r\n\r\n"
        #expect { try parse(text, step: 50, limits: limits) } throws: { ($0 as? HTTPTransportError)?.code == .headersTooLarge }
    }
}
