import Foundation
import JSON
import TakTestSupport
import Testing

/// Research runs through the real binary: a run and its follow-up in one thread, a failed run,
/// a run cancelled through MCP tasks, a restart while a run is queued, and runs whose prose the
/// host's model writes through sampling, accepted and rejected.
@Suite(.serialized) struct RunTranscriptTests {
    /// A web search server that never answers (until the client gives up or goes away).
    static func hangingWebSearch() throws -> TestHTTPServer {
        try TestHTTPServer { _, connection in connection.waitForClientClose(seconds: 30) }
    }

    @Test("A run completes with an answer computed from the data; a follow-up in its thread resolves against it")
    func runAndFollowUp() throws {
        let client = try RunsClient(home: RunsClient.newHome())
        defer { client.stop() }
        let tools = try client.request("tools/list", [:])["tools"]?.arrayValue ?? []
        #expect(tools.first { $0["name"] == "agent_run_create" }?["execution"]?["taskSupport"] == "optional")

        let created = try client.tool("agent_run_create", ["query": "How has life expectancy in Brazil changed since 1990?", "source_indexes": ["data"]])
        #expect(created["status"] == "queued" && created["object"] == "agent.run" && created["completed_at"] == .null)
        let runID = try #require(created["run_id"]?.stringValue), threadID = try #require(created["thread_id"]?.stringValue)
        let run = try client.tool("agent_run_wait", ["run_id": .string(runID), "timeout_s": 60], meta: ["progressToken": "run-1"])
        #expect(run["status"] == "completed")
        #expect(run["completed_at"]?.stringValue?.hasSuffix("Z") == true)
        let latest = try #require(RawFigures.gapminder("Brazil", "lifeExp", year: "2007"))
        let answer = run["result"]?["answer"]?.stringValue ?? ""
        #expect(answer.contains("\(RawFigures.twoDecimals(latest)) years in 2007"))
        #expect(answer.contains("[1]") && answer.contains("**Sources**"))
        #expect(run["result"]?["cards"]?.arrayValue?.first?["card_id"]?.stringValue?.hasPrefix("gapminder.lifeexp.brazil") == true)
        #expect(run["result"]?["generation"]?["method"] == "extractive")
        #expect(run["result"]?["request_id"]?.stringValue?.hasPrefix("req_") == true)
        let progress = client.notifications.filter { $0["method"] == "notifications/progress" && $0["params"]?["progressToken"] == "run-1" }
        #expect(progress.count >= 3)

        let follow = try client.tool("agent_run_create", ["query": "and in 1997?", "thread_id": .string(threadID), "source_indexes": ["data"]])
        #expect(follow["thread_id"] == .string(threadID))
        let second = try client.tool("agent_run_wait", ["run_id": try #require(follow["run_id"])])
        let then = try #require(RawFigures.gapminder("Brazil", "lifeExp", year: "1997"))
        #expect(second["result"]?["resolved_query"] == "Life expectancy at birth · Brazil · 1997")
        #expect(second["result"]?["answer"]?.stringValue?.contains("\(RawFigures.twoDecimals(then)) years in 1997") == true)
        let thread = try client.tool("agent_thread_get", ["thread_id": .string(threadID)])
        #expect(thread["runs"]?.arrayValue?.compactMap { $0["run_id"]?.stringValue } == [runID, follow["run_id"]?.stringValue].compactMap { $0 })
    }

    @Test("A web-only run without a web search provider fails with source_unavailable; with data it says web was skipped")
    func failedRun() throws {
        let client = try RunsClient(home: RunsClient.newHome())
        defer { client.stop() }
        let webOnly = try client.tool("agent_run_create", ["query": "Brazil life expectancy", "source_indexes": ["web"]])
        let failed = try client.tool("agent_run_wait", ["run_id": try #require(webOnly["run_id"])])
        #expect(failed["status"] == "failed")
        #expect(failed["error"]?["code"] == "source_unavailable")
        #expect(failed["result"] == .null)
        let both = try client.tool("agent_run_create", ["query": "Brazil life expectancy"])
        let done = try client.tool("agent_run_wait", ["run_id": try #require(both["run_id"])])
        #expect(done["status"] == "completed")
        #expect(done["result"]?["web_results"] == [])
        #expect(done["result"]?["notes"]?.arrayValue?.contains("Web search was skipped: no web search provider is configured.") == true)
    }

    @Test("A run started as an MCP task and cancelled with tasks/cancel ends failed with code cancelled")
    func cancelledRun() throws {
        let web = try Self.hangingWebSearch()
        defer { web.stop() }
        let client = try RunsClient(home: RunsClient.newHome(), environment: ["TAK_WEB_SEARCH_API_KEY": "test-key", "TAK_WEB_SEARCH_URL": web.url])
        defer { client.stop() }
        let created = try client.request("tools/call", ["name": "agent_run_create", "arguments": ["query": "Life expectancy in Brazil"],
                                                        "task": ["ttl": 60000]])
        let taskID = try #require(created["task"]?["taskId"]?.stringValue)
        var runID: String?
        for _ in 0..<500 where runID == nil {
            runID = try client.tool("agent_thread_list", [:])["threads"]?.arrayValue?.last?["run_ids"]?.arrayValue?.last?.stringValue
            if runID == nil { usleep(10_000) }
        }
        let id = try #require(runID)
        _ = try client.poll(id, until: ["running"])
        for _ in 0..<500 where web.received.withLock({ $0.isEmpty }) { usleep(10_000) }
        #expect(web.received.withLock { $0.first?.headers["X-Subscription-Token"] } == "test-key")
        let cancelled = try client.request("tasks/cancel", ["taskId": .string(taskID)])
        #expect(cancelled["status"] == "cancelled")
        let run = try client.poll(id, until: ["completed", "failed"])
        #expect(run["status"] == "failed")
        #expect(run["error"]?["code"] == "cancelled")
        let result = try client.request("tasks/result", ["taskId": .string(taskID)])
        #expect(result["error"]?["data"]?["status"] == "cancelled")
    }

    @Test("A restart while a run is queued (and another running) ends both failed with the interrupted reason")
    func restartWhileQueued() throws {
        let web = try Self.hangingWebSearch()
        defer { web.stop() }
        let home = RunsClient.newHome()
        let first = try RunsClient(home: home, environment: ["TAK_TASK_WORKERS": "1", "TAK_WEB_SEARCH_API_KEY": "k", "TAK_WEB_SEARCH_URL": web.url])
        let busy = try first.tool("agent_run_create", ["query": "Life expectancy in Brazil"])
        let busyID = try #require(busy["run_id"]?.stringValue)
        _ = try first.poll(busyID, until: ["running"])
        let queued = try first.tool("agent_run_create", ["query": "Life expectancy in India", "source_indexes": ["data"]])
        let queuedID = try #require(queued["run_id"]?.stringValue)
        usleep(100_000)
        #expect(try first.tool("agent_run_get", ["run_id": .string(queuedID)])["status"] == "queued")
        first.crash()

        let second = try RunsClient(home: home)
        defer { second.stop() }
        for id in [queuedID, busyID] {
            let run = try second.tool("agent_run_get", ["run_id": .string(id)])
            #expect(run["status"] == "failed")
            #expect(run["error"]?["code"] == "interrupted")
            #expect(run["error"]?["message"]?.stringValue?.contains("stopped") == true)
        }
        let again = try second.tool("agent_run_create", ["query": "Life expectancy in India", "source_indexes": ["data"]])
        #expect(try second.tool("agent_run_wait", ["run_id": try #require(again["run_id"])])["status"] == "completed")
    }

    /// A host whose model answers every sampling request with `prose`.
    static func samplingClient(prose: String) throws -> RunsClient {
        let client = try RunsClient(home: RunsClient.newHome(), capabilities: ["sampling": [:]])
        client.answer = { request in
            guard request["method"] == "sampling/createMessage" else { return nil }
            return ["role": "assistant", "content": ["type": "text", "text": .string(prose)], "model": "test-host-model", "stopReason": "endTurn"]
        }
        return client
    }

    @Test("With sampling, the host's model writes the prose from the supplied figures, and the result says so")
    func sampledRun() throws {
        let value = RawFigures.twoDecimals(try #require(RawFigures.gapminder("Brazil", "lifeExp", year: "2007")))
        let prose = "Life expectancy in Brazil was \(value) years in 2007 [1]."
        let client = try Self.samplingClient(prose: prose)
        defer { client.stop() }
        let created = try client.tool("agent_run_create", ["query": "Life expectancy in Brazil in 2007", "source_indexes": ["data"]])
        let run = try client.tool("agent_run_wait", ["run_id": try #require(created["run_id"])])
        #expect(run["result"]?["generation"] == ["method": "sampling", "model": "test-host-model"])
        #expect(run["result"]?["answer"]?.stringValue?.hasPrefix(prose) == true)
        let asked = try #require(client.serverRequests.first { $0["method"] == "sampling/createMessage" })
        #expect(asked["params"]?["messages"]?.arrayValue?.first?["content"]?["text"]?.stringValue?.contains("\(value) years in 2007") == true)
        #expect(asked["params"]?["systemPrompt"]?.stringValue?.contains("Every number you write must appear in the facts") == true)
    }

    @Test("Sampled prose carrying a number not in the figures is rejected, and the engine's own answer is used")
    func sampledProseWithAWrongNumber() throws {
        let value = try #require(RawFigures.gapminder("Brazil", "lifeExp", year: "2007"))
        let wrong = RawFigures.twoDecimals(value + 1.5)
        let client = try Self.samplingClient(prose: "Life expectancy in Brazil was \(wrong) years in 2007 [1].")
        defer { client.stop() }
        let created = try client.tool("agent_run_create", ["query": "Life expectancy in Brazil in 2007", "source_indexes": ["data"]])
        let run = try client.tool("agent_run_wait", ["run_id": try #require(created["run_id"])])
        #expect(run["result"]?["generation"]?["method"] == "extractive")
        #expect(run["result"]?["generation"]?["model"] == "test-host-model")
        #expect(run["result"]?["generation"]?["fallback_reason"] == .string("the sampled answer was rejected: the number \(wrong) is not one of the figures supplied"))
        let answer = run["result"]?["answer"]?.stringValue ?? ""
        #expect(!answer.contains(wrong))
        #expect(answer.contains("\(RawFigures.twoDecimals(value)) years in 2007"))
    }

    @Test("The web search key goes only in its header: a provider error skips the web, and the key is in no message, log or store file")
    func webKeyNeverLeaks() throws {
        let key = "tak-test-web-key-5f0c9e"
        let web = try TestHTTPServer { _, connection in
            let body = #"{"error":"invalid token \#(key)"}"#
            connection.write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        }
        defer { web.stop() }
        let home = RunsClient.newHome()
        let client = try RunsClient(home: home, environment: ["TAK_WEB_SEARCH_API_KEY": key, "TAK_WEB_SEARCH_URL": web.url, "TAK_LOG_LEVEL": "debug"])
        let created = try client.tool("agent_run_create", ["query": "Life expectancy in Brazil"])
        let run = try client.tool("agent_run_wait", ["run_id": try #require(created["run_id"])])
        #expect(run["status"] == "completed")
        #expect(run["result"]?["notes"]?.arrayValue?.contains("Web search was skipped: the web search provider answered HTTP 401.") == true)
        let webOnly = try client.tool("agent_run_create", ["query": "Life expectancy in Brazil", "source_indexes": ["web"]])
        let failed = try client.tool("agent_run_wait", ["run_id": try #require(webOnly["run_id"])])
        #expect(failed["error"]?["code"] == "source_unavailable")
        #expect(web.received.withLock { $0.allSatisfy { $0.headers["X-Subscription-Token"] == key && !$0.target.contains(key) } })
        let messages = [run.jsonText, failed.jsonText] + client.notifications.map(\.jsonText)
        client.stop()
        var stored = ""
        for name in (try? FileManager.default.contentsOfDirectory(atPath: home + "/store")) ?? [] {
            stored += (try? String(contentsOfFile: home + "/store/" + name, encoding: .utf8)) ?? ""
        }
        #expect(!stored.isEmpty)
        for text in messages + [client.server.stderrText, stored] { #expect(!text.contains(key)) }
    }
}
