import Foundation
import JSON
import Testing

/// Deep knowledge searches through the real binary: as the seed's polling tools, as MCP tasks
/// with progress notifications, cancelled, and interrupted by a crash and restart.
@Suite(.serialized) struct DeepSearchTranscriptTests {
    /// A fresh home folder.
    static func newHome() -> String { NSTemporaryDirectory() + "tak-knowledge-e2e-\(UUID().uuidString)" }

    /// A question that auto resolves to deep.
    static let question = "Compare life expectancy and GDP per capita of Brazil, Argentina and Chile since 1990"

    @Test("Polling: knowledge_search answers pending with a task_id, the status tool pages the events, then the cards")
    func polling() throws {
        let client = try KnowledgeClient(home: Self.newHome(), delay: 20)
        defer { client.stop() }
        let tools = try client.request("tools/list", [:])["tools"]?.arrayValue ?? []
        let search = try #require(tools.first { $0["name"] == "knowledge_search" })
        #expect(search["execution"]?["taskSupport"] == "optional")
        #expect(tools.first { $0["name"] == "card_get" }?["execution"] == nil)

        let started = try client.tool("knowledge_search", ["text": .string(Self.question)])
        #expect(started["status"] == "pending")
        #expect(started["resolved_effort"] == "deep")
        #expect(started["resolution"]?.stringValue?.hasPrefix("auto → deep") == true)
        let task = try #require(started["task_id"]?.stringValue)

        let (answer, events) = try client.poll(task)
        #expect(answer["status"] == "completed")
        #expect(events.map { $0["id"]?.integerValue ?? -1 } == Array(0..<Int64(events.count)), "each event once, in order")
        #expect(events.first?["data"]?["message"]?.stringValue?.hasPrefix("Read the question") == true)
        #expect(events.last?["data"]?["event_type"] == "completed")
        let cards = try #require(answer["result"]?["knowledge_cards"]?.arrayValue)
        #expect(cards.contains { $0["card_type"] == "comparison" })
        #expect(cards.contains { $0["card_type"] == "correlation" })
        // A later poll from the end gets no old events again.
        let again = try client.tool("knowledge_search_status", ["task_id": .string(task), "since_index": .integer(Int64(events.count))])
        #expect(again["events"] == [])
        let card = try client.tool("card_get", ["card_id": try #require(cards.first?["card_id"])])
        #expect(card["card_id"] == cards.first?["card_id"])
    }

    @Test("MCP tasks: a task-augmented call returns the task at once, sends progress, and tasks/result gives the call's result")
    func mcpTasks() throws {
        let client = try KnowledgeClient(home: Self.newHome(), delay: 20)
        defer { client.stop() }
        let initialize = try client.request("ping", [:])
        #expect(initialize == [:])
        let created = try client.request("tools/call", [
            "name": "knowledge_search", "arguments": ["text": .string(Self.question), "search_effort": "deep"],
            "task": ["ttl": 60000], "_meta": ["progressToken": "deep-1"],
        ])
        let task = try #require(created["task"]?.objectValue)
        let id = try #require(task["taskId"]?.stringValue)
        #expect(task["status"] == "working")
        #expect(task["ttl"] == 60000)
        #expect(task["createdAt"]?.stringValue?.hasSuffix("Z") == true && task["lastUpdatedAt"] != nil)
        #expect(created["_meta"]?["io.modelcontextprotocol/model-immediate-response"]?.stringValue?.isEmpty == false)

        let result = try client.request("tasks/result", ["taskId": .string(id)])
        #expect(result["structuredContent"]?["resolved_effort"] == "deep")
        #expect(result["structuredContent"]?["knowledge_cards"]?.arrayValue?.isEmpty == false)
        #expect(result["content"]?.arrayValue?.first?["type"] == "text")
        #expect(result["_meta"]?["io.modelcontextprotocol/related-task"]?["taskId"] == .string(id))

        let progress = client.notifications.filter { $0["method"] == "notifications/progress" }
        #expect(progress.count >= 5)
        #expect(progress.allSatisfy { $0["params"]?["progressToken"] == "deep-1" })
        let values = progress.compactMap { $0["params"]?["progress"]?.doubleValue }
        #expect(values == values.sorted() && Set(values).count == values.count, "progress increases")
        #expect(progress.first?["params"]?["_meta"]?["io.modelcontextprotocol/related-task"]?["taskId"] == .string(id))

        let got = try client.request("tasks/get", ["taskId": .string(id)])
        #expect(got["status"] == "completed" && got["taskId"] == .string(id))
        let listed = try client.request("tasks/list", [:])["tasks"]?.arrayValue ?? []
        #expect(listed.contains { $0["taskId"] == .string(id) })
        let refused = try client.request("tasks/cancel", ["taskId": .string(id)])
        #expect(refused["error"]?["code"] == -32602)
        _ = try client.request("ping", [:])
        #expect(client.notifications.contains { $0["method"] == "notifications/tasks/status" && $0["params"]?["taskId"] == .string(id)
                                                && $0["params"]?["status"] == "completed" })
        // The polling tool sees the same task.
        #expect(try client.tool("knowledge_search_status", ["task_id": .string(id)])["status"] == "completed")
    }

    @Test("Protocol faults of tasks are JSON-RPC errors: a tool that forbids tasks, an unknown task, a bad cursor")
    func taskErrors() throws {
        let client = try KnowledgeClient(home: Self.newHome())
        defer { client.stop() }
        #expect(try client.request("tools/call", ["name": "health", "arguments": [:], "task": [:]])["error"]?["code"] == -32601)
        #expect(try client.request("tasks/get", ["taskId": "task_missing"])["error"]?["code"] == -32602)
        #expect(try client.request("tasks/result", ["taskId": "task_missing"])["error"]?["code"] == -32602)
        #expect(try client.request("tasks/list", ["cursor": "not-a-cursor"])["error"]?["code"] == -32602)
        #expect(try client.request("tasks/get", [:])["error"]?["code"] == -32602)
        let capabilities = try client.request("ping", [:])
        #expect(capabilities == [:])
    }

    @Test("tasks/cancel stops a running deep search: it ends cancelled, its events stop, tasks/result is an error")
    func cancel() throws {
        let client = try KnowledgeClient(home: Self.newHome(), delay: 300)
        defer { client.stop() }
        let started = try client.tool("knowledge_search", ["text": .string(Self.question), "search_effort": "deep"])
        let task = try #require(started["task_id"]?.stringValue)
        _ = try client.poll(task) { ($0["events"]?.arrayValue?.isEmpty == false) || $0["status"] == "in_progress" }
        let cancelled = try client.request("tasks/cancel", ["taskId": .string(task)])
        #expect(cancelled["status"] == "cancelled")
        let (answer, events) = try client.poll(task)
        #expect(answer["status"] == "cancelled")
        #expect(answer["result"] == nil)
        usleep(800_000)
        let later = try client.tool("knowledge_search_status", ["task_id": .string(task)])
        #expect(later["events"]?.arrayValue?.count == events.count, "no events after the cancel")
        #expect(later["events"]?.arrayValue?.last?["data"]?["event_type"] == "cancelled")
        let result = try client.request("tasks/result", ["taskId": .string(task)])
        #expect(result["error"]?["code"] == -32603)
        #expect(result["error"]?["message"]?.stringValue?.contains("cancelled") == true)
    }

    @Test("A crash while a deep search runs: after the restart the task is failed with the reason")
    func restart() throws {
        let home = Self.newHome()
        let first = try KnowledgeClient(home: home, delay: 400)
        let started = try first.tool("knowledge_search", ["text": .string(Self.question), "search_effort": "deep"])
        let task = try #require(started["task_id"]?.stringValue)
        _ = try first.poll(task) { $0["status"] == "in_progress" }
        first.crash()

        let second = try KnowledgeClient(home: home)
        defer { second.stop() }
        let status = try second.tool("knowledge_search_status", ["task_id": .string(task)])
        #expect(status["status"] == "failed")
        #expect(status["error"]?["code"] == "interrupted")
        #expect(status["error"]?["message"]?.stringValue?.contains("restarted") == true)
        let mcp = try second.request("tasks/get", ["taskId": .string(task)])
        #expect(mcp["status"] == "failed")
        #expect(mcp["statusMessage"]?.stringValue?.contains("stopped") == true)
        // The restarted server still searches.
        let fresh = try second.tool("knowledge_search", ["text": "MSFT", "search_effort": "fast"])
        #expect(fresh["knowledge_cards"]?.arrayValue?.first?["card_id"] == "stocks.price.msft")
    }
}
