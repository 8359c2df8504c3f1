import Store
import TakTestSupport
import JSON
import Testing
@testable import HTTP

/// JSON-RPC over a real local server, and edge cases through the mock transport.
@Suite struct JSONRPCClientTests {
    /// A server that answers `echo` with its params and anything else with "method not found".
    static func rpcHandler(_ request: ReceivedRequest?, _ connection: ServerConnection) {
        guard let request, let call = try? JSONValue.parse(request.body), let id = call["id"] else { return }
        let reply: JSONValue = call["method"] == "echo"
            ? ["jsonrpc": "2.0", "id": id, "result": ["params": call["params"] ?? .null, "id": id]]
            : ["jsonrpc": "2.0", "id": id, "error": ["code": -32601, "message": "Method not found", "data": ["name": call["method"] ?? .null]]]
        let body = reply.serialized()
        connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n")
        connection.write(body)
    }

    /// Calls POST JSON-RPC 2.0 envelopes with ids 1, 2… and return the results.
    @Test func callsReturnResultsWithIncreasingIDs() async throws {
        try await withServer(JSONRPCClientTests.rpcHandler) { server in
            let client = JSONRPCClient(url: server.url + "/rpc", headers: ["Authorization": "Bearer t"])
            let first = try await client.call(method: "echo", params: ["a": 1, "b": [true, nil]])
            let second = try await client.call(method: "echo", params: [1, "two"])
            #expect(first == ["params": ["a": 1, "b": [true, nil]], "id": 1])
            #expect(second == ["params": [1, "two"], "id": 2])

            let received = server.received.withLock { $0 }
            #expect(received.count == 2)
            #expect(received.allSatisfy { $0.method == "POST" && $0.target == "/rpc" })
            #expect(received.allSatisfy { $0.headers["Content-Type"] == "application/json" && $0.headers["Authorization"] == "Bearer t" })
            let envelope = try JSONValue.parse(received[0].body)
            #expect(envelope["jsonrpc"] == "2.0" && envelope["method"] == "echo")
        }
    }

    /// A JSON-RPC error object becomes `.remote(code:)` with its message and data.
    @Test func errorObjectsBecomeRemoteErrors() async throws {
        try await withServer(JSONRPCClientTests.rpcHandler) { server in
            let client = JSONRPCClient(url: server.url)
            let error = await #expect(throws: JSONRPCClientError.self) { try await client.call(method: "nope") }
            #expect(error?.kind == .remote(code: -32601))
            #expect(error?.message.contains("Method not found") == true)
            #expect(error?.message.contains("nope") == true)
            #expect(error?.data == ["name": "nope"])
            let sent = try JSONValue.parse(try #require(server.received.withLock { $0.first?.body }))
            #expect(sent["params"] == nil, "null params are omitted")
        }
    }

    /// An HTTP 500 without an error object becomes `.httpStatus(500)` quoting the body.
    @Test func http500BecomesAStatusError() async throws {
        try await withServer(raw: "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 12\r\n\r\nupstream bad") { server in
            let client = JSONRPCClient(url: server.url)
            let error = await #expect(throws: JSONRPCClientError.self) { try await client.call(method: "echo", params: []) }
            #expect(error?.kind == .httpStatus(500))
            #expect(error?.message.contains("upstream bad") == true)
        }
    }

    /// An error object on a 4xx reply keeps its JSON-RPC code and mentions the status.
    @Test func errorObjectsOnErrorStatusesKeepTheirCode() async throws {
        let transport = MockHTTPTransport { _ in
            HTTPResponse(status: 400, body: Array(#"{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"Invalid Request"}}"#.utf8))
        }
        let error = await #expect(throws: JSONRPCClientError.self) {
            try await JSONRPCClient(url: "http://unused/", transport: transport).call(method: "m")
        }
        #expect(error?.kind == .remote(code: -32600))
        #expect(error?.message.contains("HTTP 400") == true)
    }

    /// Non-JSON, wrong-id, result-less and non-object replies are `.invalidResponse`.
    @Test(arguments: ["not json", #"{"jsonrpc":"2.0","id":7,"result":1}"#, #"{"jsonrpc":"2.0","id":1}"#, "[1]"])
    func unreadableRepliesAreInvalidResponses(body: String) async {
        let transport = MockHTTPTransport { _ in HTTPResponse(status: 200, body: Array(body.utf8)) }
        let error = await #expect(throws: JSONRPCClientError.self) {
            try await JSONRPCClient(url: "http://unused/", transport: transport).call(method: "m")
        }
        #expect(error?.kind == .invalidResponse)
    }

    /// Transport failures surface as `HTTPTransportError`.
    @Test func transportErrorsPassThrough() async throws {
        let port = try TestSocket.unusedPort()
        let error = await #expect(throws: HTTPTransportError.self) {
            try await JSONRPCClient(url: "http://127.0.0.1:\(port)/").call(method: "m")
        }
        #expect(error?.code == .connectionRefused)
    }

    /// The mock transport receives the request the client built.
    @Test func theMockSeesTheRequest() async throws {
        let seen = Locked<[HTTPRequest]>([])
        let transport = MockHTTPTransport { request in
            seen.withLock { $0.append(request) }
            return HTTPResponse(status: 200, body: Array(#"{"jsonrpc":"2.0","id":1,"result":"ok"}"#.utf8))
        }
        let client = JSONRPCClient(url: "https://rpc.example/", transport: transport, timeout: .seconds(3))
        #expect(try await client.call(method: "m", params: ["x": 1]) == "ok")
        let request = try #require(seen.withLock { $0.first })
        #expect(request.method == "POST" && request.url == "https://rpc.example/" && request.timeout == .seconds(3))
        #expect(request.headers["accept"] == "application/json")
    }
}
