import TakTestKit
import Store
import TakMCP
import Testing
import Tools
import JSON

/// The run tools in one session: dispatch, wait, follow up in the thread, list, and the
/// failures the model can fix.
@Suite struct RunToolsTests {
    /// `tools/call name arguments` as text.
    static func call(_ id: Int, _ name: String, _ arguments: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(name)","arguments":\#(arguments)}}"#
    }

    @Test("a dispatched run is queued at once, then completed with an answer citing its cards; a follow-up resolves in its thread")
    func runAndFollowUp() async throws {
        let session = TestSession()
        await session.initialize()
        let created = await session.call(Self.call(1, "agent_run_create", #"{"query":"How has life expectancy in Brazil changed since 1990?","source_indexes":["data"]}"#))
        let run = try #require(created["result"]?["structuredContent"])
        #expect(run["status"] == "queued")
        #expect(run["object"] == "agent.run")
        let runID = try #require(run["run_id"]?.stringValue), threadID = try #require(run["thread_id"]?.stringValue)
        let waited = await session.call(Self.call(2, "agent_run_wait", #"{"run_id":"\#(runID)","timeout_s":30}"#))
        let done = try #require(waited["result"]?["structuredContent"])
        #expect(done["status"] == "completed")
        #expect(done["result"]?["answer"]?.stringValue?.contains("[1]") == true)
        #expect(done["result"]?["generation"]?["method"] == "extractive")
        let follow = await session.call(Self.call(3, "agent_run_create", #"{"query":"and in 2007?","thread_id":"\#(threadID)","source_indexes":["data"]}"#))
        let followID = try #require(follow["result"]?["structuredContent"]?["run_id"]?.stringValue)
        let second = await session.call(Self.call(4, "agent_run_wait", #"{"run_id":"\#(followID)"}"#))
        #expect(second["result"]?["structuredContent"]?["result"]?["resolved_query"] == "Life expectancy at birth · Brazil · 2007")
        let thread = await session.call(Self.call(5, "agent_thread_get", #"{"thread_id":"\#(threadID)"}"#))
        #expect(thread["result"]?["structuredContent"]?["runs"]?.arrayValue?.compactMap { $0["run_id"]?.stringValue } == [runID, followID])
        let list = await session.call(Self.call(6, "agent_thread_list", "{}"))
        #expect(list["result"]?["structuredContent"]?["threads"]?.arrayValue?.first?["last_query"] == "and in 2007?")
    }

    @Test("a web-only run without a provider fails with source_unavailable")
    func webOnlyWithoutProvider() async throws {
        let session = TestSession()
        await session.initialize()
        let created = await session.call(Self.call(1, "agent_run_create", #"{"query":"Brazil life expectancy","source_indexes":["web"]}"#))
        let runID = try #require(created["result"]?["structuredContent"]?["run_id"]?.stringValue)
        let waited = await session.call(Self.call(2, "agent_run_wait", #"{"run_id":"\#(runID)"}"#))
        #expect(waited["result"]?["structuredContent"]?["status"] == "failed")
        #expect(waited["result"]?["structuredContent"]?["error"]?["code"] == "source_unavailable")
    }

    @Test("arguments the model can fix are tool errors naming the field", arguments: [
        (#"{"query":"x","effort":"deep"}"#, "effort"), (#"{"query":"x","locale":"not a locale"}"#, "locale"),
        (#"{"query":"x","timezone":"Mars/Base"}"#, "timezone"), (#"{"query":"x","thread_id":"nope"}"#, "thread_id"),
        (#"{"query":"x","source_indexes":[]}"#, "source_indexes"),
    ])
    func fixableArguments(arguments: String, field: String) async throws {
        let session = TestSession()
        await session.initialize()
        let reply = await session.call(Self.call(1, "agent_run_create", arguments))
        #expect(reply["result"]?["isError"] == true)
        let text = reply["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue ?? ""
        #expect(text.contains(field), "\(text)")
    }

    @Test("an unknown run is not_found")
    func unknownRun() async {
        let session = TestSession()
        await session.initialize()
        let reply = await session.call(Self.call(1, "agent_run_get", #"{"run_id":"run_missing"}"#))
        #expect(reply["result"]?["structuredContent"]?["error"] == "not_found")
    }

    @Test("a report runs one section per planned question in a thread and assembles them with charts and one source list")
    func report() async throws {
        let session = TestSession()
        await session.initialize()
        let started = await session.call(Self.call(1, "report_generate", #"{"topic":"Life expectancy in Brazil and India since 1990"}"#))
        let pending = try #require(started["result"]?["structuredContent"])
        #expect(pending["status"] == "pending")
        let reportID = try #require(pending["report_id"]?.stringValue)
        #expect(pending["sections"]?.arrayValue?.count == 4)
        var report: JSONValue = .null
        for attempt in 0..<300 {
            report = await session.call(Self.call(10 + attempt, "report_get", #"{"report_id":"\#(reportID)"}"#))["result"]?["structuredContent"] ?? .null
            if report["status"] == "completed" || report["status"] == "failed" { break }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        #expect(report["status"] == "completed")
        let markdown = report["result"]?["markdown"]?.stringValue ?? ""
        #expect(markdown.hasPrefix("# Life expectancy in Brazil and India since 1990"))
        #expect(markdown.contains("## 4. Which have the highest life expectancy at birth?"))
        #expect(markdown.contains("](tak://cards/"))
        #expect(markdown.contains("## Sources"))
        #expect(report["sections"]?.arrayValue?.allSatisfy { $0["status"] == "completed" } == true)
        #expect(report["events"]?.arrayValue?.last?["data"]?["event_type"] == "completed")
    }

    @Test("a run with a time zone and dark mode points its cards at its own charts: the run's local time on the source line, a dark background")
    func chartsWithTimezoneAndDarkMode() async throws {
        let session = TestSession()
        await session.initialize()
        let created = await session.call(Self.call(1, "agent_run_create",
            #"{"query":"Life expectancy in Brazil","source_indexes":["data"],"timezone":"America/New_York","output_settings":{"image_dark_mode":true}}"#))
        let runID = try #require(created["result"]?["structuredContent"]?["run_id"]?.stringValue)
        let run = await session.call(Self.call(2, "agent_run_wait", #"{"run_id":"\#(runID)"}"#))
        let image = try #require(run["result"]?["structuredContent"]?["result"]?["cards"]?.arrayValue?.first?["image_url"]?.stringValue)
        #expect(image == "tak://runs/\(runID).1/chart.svg")
        let read = await session.call(#"{"jsonrpc":"2.0","id":3,"method":"resources/read","params":{"uri":"\#(image)"}}"#)
        let svg = read["result"]?["contents"]?.arrayValue?.first?["text"]?.stringValue ?? ""
        // The session's clock stands at 2026-02-20T10:30:00Z: 05:30 in New York (EST, UTC-5).
        #expect(svg.contains("drawn 2026-02-20 05:30 EST (America/New_York)"))
        #expect(svg.contains("#181a1b"), "dark background")
        #expect(!svg.contains("#ffffff"))
        let plain = await session.call(Self.call(4, "agent_run_create", #"{"query":"Life expectancy in Brazil","source_indexes":["data"]}"#))
        let plainID = try #require(plain["result"]?["structuredContent"]?["run_id"]?.stringValue)
        let plainRun = await session.call(Self.call(5, "agent_run_wait", #"{"run_id":"\#(plainID)"}"#))
        #expect(plainRun["result"]?["structuredContent"]?["result"]?["cards"]?.arrayValue?.first?["image_url"]?.stringValue?.hasPrefix("tak://cards/") == true)
    }
}
