import Foundation
import JSON
import Knowledge
import Testing

/// A `tak-mcp` server driven with raw JSON-RPC for the run transcripts, as a host would: it
/// answers the server's own requests (sampling/createMessage) with `answer`, and keeps the
/// notifications and server requests it saw.
final class RunsClient {
    /// The process.
    let server: ServerProcess
    /// Answers a request from the server (its `result`), or nil to answer with an error.
    var answer: (JSONValue) -> JSONValue? = { _ in nil }
    /// The next request id.
    private var nextID: Int64 = 1
    /// Notifications read while waiting, in order.
    private(set) var notifications: [JSONValue] = []
    /// Requests the server sent, in order.
    private(set) var serverRequests: [JSONValue] = []

    /// Starts and initializes a server on `home` with `environment` and client `capabilities`.
    init(home: String, environment: [String: String] = [:], capabilities: JSONValue = ["tasks": ["list": [:], "cancel": [:]]]) throws {
        server = try ServerProcess(arguments: ["--home", home], environment: environment)
        server.send(["jsonrpc": "2.0", "id": "init", "method": "initialize",
                     "params": ["protocolVersion": "2025-11-25", "capabilities": capabilities, "clientInfo": ["name": "runs-e2e", "version": "1"]]])
        _ = try response("init")
        server.send(["jsonrpc": "2.0", "method": "notifications/initialized"])
    }

    /// Sends a request and returns its id, without waiting.
    @discardableResult
    func send(_ method: String, _ params: JSONValue) -> Int64 {
        defer { nextID += 1 }
        server.send(["jsonrpc": "2.0", "id": .integer(nextID), "method": .string(method), "params": params])
        return nextID
    }

    /// The response to request `id` (its `result`, or the whole message when it is an error),
    /// answering the server's requests on the way.
    func response(_ id: JSONValue) throws -> JSONValue {
        while let message = try server.receive() {
            if message["method"] != nil, let requestID = message["id"] {
                serverRequests.append(message)
                if let result = answer(message) {
                    server.send(["jsonrpc": "2.0", "id": requestID, "result": result])
                } else {
                    server.send(["jsonrpc": "2.0", "id": requestID, "error": ["code": -1, "message": "declined by the test host"]])
                }
                continue
            }
            if message["id"] == id { return message["result"] ?? message }
            if message["id"] == nil { notifications.append(message) }
        }
        return .null
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: JSONValue) throws -> JSONValue { try response(.integer(send(method, params))) }

    /// Calls a tool and returns its structured content (recording an issue when it failed).
    func tool(_ name: String, _ arguments: JSONValue, meta: JSONValue? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        var params: JSONObject = ["name": .string(name), "arguments": arguments]
        if let meta { params["_meta"] = meta }
        let result = try request("tools/call", .object(params))
        #expect(result["isError"] == nil && result["error"] == nil, "\(name): \(result.jsonText)", sourceLocation: sourceLocation)
        return result["structuredContent"] ?? .null
    }

    /// Polls agent_run_get every 20 ms until the run has `status`; returns it.
    func poll(_ runID: String, until status: Set<String>) throws -> JSONValue {
        for _ in 0..<1500 {
            let run = try tool("agent_run_get", ["run_id": .string(runID)])
            if status.contains(run["status"]?.stringValue ?? "") { return run }
            usleep(20_000)
        }
        Issue.record("run \(runID) never reached \(status)")
        return .null
    }

    /// Stops the server (end of input) and checks it exited cleanly.
    func stop() {
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    /// Kills the server as a crash would (SIGKILL).
    func crash() {
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
    }

    /// A fresh home folder.
    static func newHome() -> String { NSTemporaryDirectory() + "tak-runs-e2e-\(UUID().uuidString)" }
}

/// Figures the tests compute from the embedded raw rows (not from the server's cards).
enum RawFigures {
    /// The value of `measure` for the gapminder country `country` in `year`.
    static func gapminder(_ country: String, _ measure: String, year: String) -> Double? {
        guard let data = KnowledgeBase.embedded.corpus.datasets.first(where: { $0.id == "gapminder" }) else { return nil }
        let columns = Dictionary(uniqueKeysWithValues: data.columns.enumerated().map { ($1.name, $0) })
        guard let c = columns["country"], let y = columns["year"], let m = columns[measure] else { return nil }
        return data.rows.first { $0[c].text == country && $0[y].text == year }?[m].number
    }

    /// A value as the answers write computed values: two decimals, trailing zeros dropped.
    static func twoDecimals(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
