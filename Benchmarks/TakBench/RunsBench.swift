import Store
import Tools
import JSON
import Knowledge

/// Research run latency end to end, without sampling: agent_run_create (a durable task in the
/// store, fsync on) until agent_run_wait returns the completed run, through the tools as a
/// session calls them, on the embedded knowledge base; new questions and follow-ups in a thread.
enum RunsBench {
    /// Questions of several kinds: change, comparison, ranking, unanswerable.
    static let questions = [
        "How has life expectancy in Brazil changed since 1990?", "Compare Microsoft and Apple stock prices",
        "Which country had the highest GDP per capita in 2007?", "US unemployment rate since 2000",
        "population of China and India between 1960 and 2000", "What was Tesla's revenue in 2023?",
    ]
    /// Follow-ups asked after the first question of each thread.
    static let followUps = ["and in 2002?", "what about India?", "how about Argentina?"]

    /// Calls a tool; the structured content, or null when it failed.
    static func call(_ name: String, _ arguments: JSONObject, _ context: ToolContext) async -> JSONValue {
        guard let tool = ToolCatalog.standard.tool(named: name),
              let output = try? await tool.invoke(arguments, context: context), !output.isError else { return .null }
        return .object(output.structuredContent ?? [:])
    }

    /// One run from dispatch to completion, in microseconds; nil when it did not complete.
    static func timedRun(_ query: String, thread: String?, _ context: ToolContext) async -> (Double, JSONValue)? {
        var arguments: JSONObject = ["query": .string(query), "source_indexes": ["data"]]
        if let thread { arguments["thread_id"] = .string(thread) }
        let start = BenchClock.now()
        let created = await call("agent_run_create", arguments, context)
        let run = await call("agent_run_wait", ["run_id": created["run_id"] ?? .null, "timeout_s": 60], context)
        let elapsed = (BenchClock.now() - start) * 1e6
        return run["status"] == "completed" ? (elapsed, run) : nil
    }

    static func run(quick: Bool) async -> BenchReport {
        var report = BenchReport()
        let built = BenchClock.now()
        _ = KnowledgeBase.embedded.cards.count
        report.add("knowledge base build (first use)", "\(fmt(BenchClock.seconds(since: built) * 1000, 1)) ms")
        let home = "/tmp/tak-bench-runs-\(getpid())"
        mkdir(home, 0o700)
        guard let store = try? Store(home: home + "/store", options: StoreOptions(log: { _ in })) else { return report }
        let context = ToolContext(environment: ToolEnvironment(home: home, store: store, variable: { _ in nil }, validatesOutput: false,
                                                               serverVersion: "bench"))
        let rounds = quick ? 10 : 40
        var fresh: [Double] = [], followed: [Double] = []
        for round in 0..<rounds {
            let question = questions[round % questions.count]
            guard let (elapsed, run) = await timedRun(question, thread: nil, context) else {
                writeStderr("  run did not complete: \(question)\n")
                continue
            }
            fresh.append(elapsed)
            let followUp = followUps[round % followUps.count]
            if round % questions.count == 0, let (time, _) = await timedRun(followUp, thread: run["thread_id"]?.stringValue, context) {
                followed.append(time)
            }
        }
        let runs = Samples(fresh.map { $0 / 1000 }), follows = Samples(followed.map { $0 / 1000 })
        report.add("agent run, create → completed, p50 / p99 (\(fresh.count) runs)",
                   "\(fmt(runs.percentile(50), 1)) / \(fmt(runs.percentile(99), 1)) ms", target: "p50 <= 50 ms")
        report.add("follow-up run in a thread, p50 / p99 (\(followed.count) runs)",
                   "\(fmt(follows.percentile(50), 1)) / \(fmt(follows.percentile(99), 1)) ms", target: "p50 <= 50 ms")
        return report
    }
}
