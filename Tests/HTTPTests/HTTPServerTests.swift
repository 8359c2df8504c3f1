import Testing
import JSON
import HTTP
import TakTestSupport

/// The small HTTP/1.1 server, exercised through the project's own client.
@Suite struct HTTPServerTests {
    @Test func servesARequestWithItsHeadersAndBody() async throws {
        let server = try HTTPServer { request in
            HTTPResponse(status: 201, headers: ["X-Echo-Method": request.method, "X-Echo-Path": String(request.path), "X-Echo-Header": request.header("x-test") ?? ""],
                         body: request.body.reversed())
        }
        defer { server.stop() }
        #expect(server.host == "127.0.0.1")
        let response = try await SocketHTTPTransport().send(HTTPRequest(method: "POST", url: server.url + "/a/b?q=1", headers: ["X-Test": "yes"], body: Array("abc".utf8)))
        #expect(response.status == 201)
        #expect(response.header("X-Echo-Method") == "POST")
        #expect(response.header("X-Echo-Path") == "/a/b")
        #expect(response.header("X-Echo-Header") == "yes")
        #expect(response.text == "cba")
    }

    @Test func refusesABodyOverTheLimitWith413() async throws {
        let server = try HTTPServer(limits: HTTPServerLimits(maxBodyBytes: 8)) { _ in HTTPResponse(status: 200) }
        defer { server.stop() }
        let response = try await SocketHTTPTransport().send(HTTPRequest(method: "POST", url: server.url + "/", body: Array(repeating: 1, count: 9)))
        #expect(response.status == 413)
    }

    @Test func answersManyConcurrentRequests() async throws {
        let server = try HTTPServer { request in HTTPResponse(status: 200, body: Array(request.target.utf8)) }
        defer { server.stop() }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                group.addTask { try await SocketHTTPTransport().send(HTTPRequest(url: server.url + "/\(index)")).text == "/\(index)" }
            }
            for try await ok in group { #expect(ok) }
        }
    }

    @Test func refusesAnAddressThatIsNotIPv4() {
        #expect(throws: HTTPTransportError.self) { try HTTPServer(host: "localhost") { _ in HTTPResponse(status: 200) } }
    }

    @Test func stopsListening() async throws {
        let server = try HTTPServer { _ in HTTPResponse(status: 200) }
        let url = server.url
        server.stop()
        await #expect(throws: HTTPTransportError.self) { try await SocketHTTPTransport().send(HTTPRequest(url: url + "/")) }
    }
}
