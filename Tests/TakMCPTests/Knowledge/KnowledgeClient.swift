import Foundation
import JSON
import Testing

/// A `tak-mcp` server driven with raw JSON-RPC for the knowledge transcripts: requests by id,
/// notifications collected on the way.
final class KnowledgeClient {
    /// The process.
    let server: ServerProcess
    /// The next request id.
    private var nextID: Int64 = 1
    /// Notifications read while waiting for responses, in order.
    private(set) var notifications: [JSONValue] = []

    /// Starts and initializes a server on `home`; `delay` paces deep search steps (ms).
    init(home: String, delay: Int = 0, capabilities: JSONValue = ["tasks": ["list": [:], "cancel": [:]]]) throws {
        server = try ServerProcess(arguments: ["--home", home], environment: ["TAK_DEEP_STEP_DELAY_MS": String(delay)])
        server.send(["jsonrpc": "2.0", "id": "init", "method": "initialize",
                     "params": ["protocolVersion": "2025-11-25", "capabilities": capabilities, "clientInfo": ["name": "knowledge-e2e", "version": "1"]]])
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

    /// The response to request `id` (its `result`, or the whole message when it is an error).
    func response(_ id: JSONValue) throws -> JSONValue {
        while let message = try server.receive() {
            if message["id"] == id { return message["result"] ?? message }
            if message["id"] == nil { notifications.append(message) }
        }
        return .null
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: JSONValue) throws -> JSONValue { try response(.integer(send(method, params))) }

    /// Calls a tool and returns its structured content (recording an issue when it failed).
    func tool(_ name: String, _ arguments: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        let result = try request("tools/call", ["name": .string(name), "arguments": arguments])
        #expect(result["isError"] == nil && result["error"] == nil, "\(name): \(result.jsonText)", sourceLocation: sourceLocation)
        return result["structuredContent"] ?? .null
    }

    /// Polls knowledge_search_status every 20 ms until `done` holds for the answer; returns the
    /// last answer and every event seen (each exactly once, through since_index).
    func poll(_ task: String, until done: (JSONValue) -> Bool = { ["completed", "failed", "cancelled"].contains($0["status"]?.stringValue ?? "") })
        throws -> (answer: JSONValue, events: [JSONValue]) {
        var events: [JSONValue] = []
        for _ in 0..<1500 {
            let since = events.last?["id"]?.integerValue.map { $0 + 1 } ?? 0
            let answer = try tool("knowledge_search_status", ["task_id": .string(task), "since_index": .integer(since)])
            events += answer["events"]?.arrayValue ?? []
            if done(answer) { return (answer, events) }
            usleep(20_000)
        }
        Issue.record("task \(task) never reached the expected state")
        return (.null, events)
    }

    /// Stops the server (end of input) and checks it exited cleanly.
    func stop() {
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    /// Kills the server as a crash would (SIGKILL), without letting it clean up.
    func crash() {
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
    }
}
