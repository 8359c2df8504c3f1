import Store
import TakTestSupport
import Glibc
import JSON
import Testing
@testable import HTTP

/// The socket transport against real servers on 127.0.0.1.
@Suite struct SocketHTTPTransportTests {
    /// The transport under test.
    let transport = SocketHTTPTransport()

    /// Status, headers (repeated ones kept, any case) and body round-trip; the request carries Host, Content-Length and Connection: close.
    @Test func roundTripsStatusHeadersAndBody() async throws {
        try await withServer({ request, connection in
            let body = request?.body ?? []
            connection.write("HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n"
                + "X-Method: \(request?.method ?? "")\r\nContent-Length: \(body.count + 5)\r\n\r\necho:")
            connection.write(body)
        }) { server in
            let request = HTTPRequest(method: "POST", url: server.url + "/items?x=1#frag",
                                      headers: ["X-Token": "t1", "Accept": "text/plain", "Connection": "keep-alive"],
                                      body: Array("hello".utf8))
            let response = try await transport.send(request)
            #expect(response.status == 201)
            #expect(response.header("content-type") == "text/plain")
            #expect(response.headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
            #expect(response.header("X-Method") == "POST")
            #expect(response.text == "echo:hello")

            let received = try #require(server.received.withLock { $0.first })
            #expect(received.target == "/items?x=1")
            #expect(received.headers["Host"] == "127.0.0.1:\(server.port)")
            #expect(received.headers["X-Token"] == "t1")
            #expect(received.headers.values(for: "Connection") == ["close"])
            #expect(received.headers["Content-Length"] == "5")
        }
    }

    /// Chunked bodies decode, with chunk extensions and trailers.
    @Test func decodesChunkedBodiesWithExtensionsAndTrailers() async throws {
        let response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
        try await withServer(raw: response) { server in
            let reply = try await transport.send(HTTPRequest(url: server.url))
            #expect(reply.text == "hello world")
        }
    }

    /// A Content-Length body returns at once even if the server keeps the connection open.
    /// (The server holds the connection open for up to 30 s and records whether the client closed
    /// it first; wall-clock bounds would measure the loaded test pool, not the transport.)
    @Test func readsContentLengthWithoutWaitingForClose() async throws {
        let clientClosedFirst = Locked<Bool?>(nil)
        try await withServer({ _, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            clientClosedFirst.withLock { $0 = connection.waitForClientClose(seconds: 30) }
        }) { server in
            let reply = try await transport.send(HTTPRequest(url: server.url, timeout: .seconds(60)))
            #expect(reply.text == "ok")
        }
        #expect(clientClosedFirst.withLock { $0 } == true, "the client must not wait for the server to close")
    }

    /// A body without length or chunking ends when the server closes.
    @Test func readsCloseDelimitedBodies() async throws {
        try await withServer(raw: "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end") { server in
            let reply = try await transport.send(HTTPRequest(url: server.url))
            #expect(reply.text == "until the end")
        }
    }

    /// 1xx responses are skipped; 204 and HEAD responses have no body whatever Content-Length says.
    @Test func skipsInterimResponsesAndKnowsBodilessResponses() async throws {
        try await withServer(raw: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n") { server in
            let reply = try await transport.send(HTTPRequest(url: server.url))
            #expect(reply.status == 204 && reply.body.isEmpty)
        }
        try await withServer({ _, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n")
            connection.waitForClientClose()
        }) { server in
            let reply = try await transport.send(HTTPRequest(method: "HEAD", url: server.url, timeout: .seconds(5)))
            #expect(reply.status == 200 && reply.body.isEmpty && reply.header("Content-Length") == "10")
        }
    }

    /// How the echo server frames the body it sends back.
    enum Framing: String, CaseIterable, Sendable {
        /// `Content-Length`.
        case length
        /// `Transfer-Encoding: chunked`, 64 KiB per chunk.
        case chunked
        /// Until the connection closes.
        case close
    }

    /// 8 MiB go up and come back intact in each framing.
    @Test(arguments: Framing.allCases)
    func sendsAndReceivesEightMebibyteBodies(framing: Framing) async throws {
        let payload = HTTPTestPayload.pattern(count: 8 << 20)
        try await withServer({ request, connection in
            let body = request?.body ?? []
            switch framing {
            case .length:
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\n\r\n")
                connection.write(body)
            case .chunked:
                connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                for start in stride(from: 0, to: body.count, by: 65_536) {
                    let chunk = body[start..<min(start + 65_536, body.count)]
                    connection.write(String(chunk.count, radix: 16) + "\r\n")
                    connection.write(Array(chunk) + [13, 10])
                }
                connection.write("0\r\n\r\n")
            case .close:
                connection.write("HTTP/1.1 200 OK\r\n\r\n")
                connection.write(body)
            }
        }) { server in
            let reply = try await transport.send(HTTPRequest(method: "PUT", url: server.url + "/upload", body: payload))
            #expect(reply.body.count == payload.count)
            #expect(HTTPTestPayload.same(reply.body, payload))
            #expect(server.received.withLock { $0.first.map { HTTPTestPayload.same($0.body, payload) } } == true)
        }
    }

    /// Slow requests in parallel overlap: each has a thread, none queues behind another.
    /// Each server holds its request until every one of the 8 has arrived (or 30 s pass): if the
    /// transport queued requests behind each other, they could never all be in flight at once.
    @Test func concurrentRequestsDoNotWaitForEachOther() async throws {
        let arrived = Locked(0)
        let servers = try (0..<8).map { _ in
            try TestHTTPServer { _, connection in
                arrived.withLock { $0 += 1 }
                for _ in 0..<3000 where arrived.withLock({ $0 }) < 8 { usleep(10_000) }
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            }
        }
        defer { servers.forEach { $0.stop() } }
        try await withThrowingTaskGroup(of: String.self) { group in
            for server in servers { group.addTask { try await transport.send(HTTPRequest(url: server.url, timeout: .seconds(60))).text } }
            for try await text in group { #expect(text == "ok") }
        }
        #expect(arrived.withLock { $0 } == 8)
    }

    /// DNS names resolve (`localhost`), trying each address in turn.
    @Test func resolvesHostNames() async throws {
        try await withServer(raw: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi") { server in
            let reply = try await transport.send(HTTPRequest(url: "http://localhost:\(server.port)/"))
            #expect(reply.text == "hi")
            #expect(server.received.withLock { $0.first?.headers["Host"] } == "localhost:\(server.port)")
        }
    }

    /// A server that accepts but never answers fails with `.timeout` within the request's timeout.
    @Test func timesOutWhenTheServerNeverAnswers() async throws {
        try await withServer({ _, connection in connection.waitForClientClose() }) { server in
            let time = await elapsed {
                let error = await #expect(throws: HTTPTransportError.self) {
                    try await transport.send(HTTPRequest(url: server.url, timeout: .milliseconds(300)))
                }
                #expect(error?.code == .timeout)
                #expect(error?.message.contains("300 ms") == true)
            }
            // The code proves the timer fired (the server never closes within the test); an upper
            // wall-clock bound would measure the loaded test pool.
            #expect(time >= .milliseconds(250))
        }
    }

    /// A connection the kernel never completes (full backlog) fails with `.connectTimeout`.
    @Test func timesOutConnectingToAFullBacklog() async throws {
        let (listener, port) = try TestSocket.listen(backlog: 0)
        let fillers = TestSocket.fillBacklog(port: port, connections: 4)
        defer { TestSocket.close([listener] + fillers) }
        let limited = SocketHTTPTransport(limits: HTTPTransportLimits(connectTimeout: .milliseconds(300)))
        let time = await elapsed {
            let error = await #expect(throws: HTTPTransportError.self) {
                try await limited.send(HTTPRequest(url: "http://127.0.0.1:\(port)/", timeout: .seconds(5)))
            }
            #expect(error?.code == .connectTimeout)
        }
        #expect(time >= .milliseconds(250))
    }

    /// Nothing listening gives `.connectionRefused` naming host and port.
    @Test func reportsRefusedConnections() async throws {
        let port = try TestSocket.unusedPort()
        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
        }
        #expect(error?.code == .connectionRefused)
        #expect(error?.message.contains("127.0.0.1:\(port)") == true)
    }

    /// Cancelling the task ends a blocked request promptly with `CancellationError`.
    @Test func honoursTaskCancellation() async throws {
        try await withServer({ _, connection in connection.waitForClientClose() }) { server in
            let task = Task { try await transport.send(HTTPRequest(url: server.url, timeout: .seconds(20))) }
            try await Task.sleep(for: .milliseconds(100))
            let time = await elapsed {
                task.cancel()
                await #expect(throws: CancellationError.self) { try await task.value }
            }
            #expect(time < .seconds(2))
        }
    }

    /// Bodies over the limit fail with `.bodyTooLarge` in each framing.
    @Test(arguments: [
        "HTTP/1.1 200 OK\r\nContent-Length: 4096\r\n\r\n" + String(repeating: "x", count: 4096),
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + String(repeating: "x", count: 1024) + "\r\n1\r\nx\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "x", count: 1025),
    ])
    func refusesBodiesOverTheLimit(response: String) async throws {
        let limited = SocketHTTPTransport(limits: HTTPTransportLimits(maxResponseBodyBytes: 1024))
        try await withServer(raw: response) { server in
            let error = await #expect(throws: HTTPTransportError.self) { try await limited.send(HTTPRequest(url: server.url)) }
            #expect(error?.code == .bodyTooLarge)
            #expect(error?.message.contains("maxResponseBodyBytes") == true)
        }
    }

    /// A body exactly at the limit is accepted.
    @Test func acceptsABodyExactlyAtTheLimit() async throws {
        let limited = SocketHTTPTransport(limits: HTTPTransportLimits(maxResponseBodyBytes: 1024))
        try await withServer(raw: "HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "x", count: 1024)) { server in
            let reply = try await limited.send(HTTPRequest(url: server.url))
            #expect(reply.body.count == 1024)
        }
    }

    /// A header block over the limit fails with `.headersTooLarge`.
    @Test func refusesHeadersOverTheLimit() async throws {
        let response = "HTTP/1.1 200 OK\r\nX-Big: \(String(repeating: "y", count: 100_000))\r\nContent-Length: 0\r\n\r\n"
        try await withServer(raw: response) { server in
            let error = await #expect(throws: HTTPTransportError.self) { try await transport.send(HTTPRequest(url: server.url)) }
            #expect(error?.code == .headersTooLarge)
        }
    }

    /// Garbage, truncated and inconsistent responses get the matching error code.
    @Test(arguments: [
        ("garbage\r\n\r\n", HTTPTransportError.Code.malformedResponse),
        ("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort", .truncatedResponse),
        ("HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\nx", .malformedResponse),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .malformedResponse),
        ("", .truncatedResponse),
    ])
    func reportsBrokenResponses(response: String, code: HTTPTransportError.Code) async throws {
        try await withServer(raw: response) { server in
            let error = await #expect(throws: HTTPTransportError.self) { try await transport.send(HTTPRequest(url: server.url)) }
            #expect(error?.code == code)
        }
    }

    /// A header value with CR LF is refused before anything is sent.
    @Test func refusesHeaderInjection() async throws {
        let request = HTTPRequest(url: "http://127.0.0.1:1/", headers: ["X-Evil": "a\r\nHost: other"])
        let error = await #expect(throws: HTTPTransportError.self) { try await transport.send(request) }
        #expect(error?.code == .invalidRequest)
    }

    /// The socket transport refuses https and points at the transports that handle it.
    @Test func refusesHTTPSWithAPointer() async throws {
        let error = await #expect(throws: HTTPTransportError.self) { try await transport.send(HTTPRequest(url: "https://example.com/")) }
        #expect(error?.code == .unsupportedScheme)
        #expect(error?.message.contains("DefaultHTTPTransport") == true)
    }
}
