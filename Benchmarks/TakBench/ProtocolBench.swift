import Store
import TakMCP
import Tools
import JSON

/// In-process figures for the protocol layer: JSON codec and a session answering calls.
enum ProtocolBench {
    /// A sink that only counts.
    final class CountingSink: MessageSink, DiagnosticSink {
        let count = Locked(0)
        func write(_ message: [UInt8]) { count.withLock { $0 += 1 } }
        func writeLine(_ line: String) {}
    }

    static func run(report: inout BenchReport, quick: Bool) {
        let n = quick ? 20_000 : 200_000
        let onlySession = getenv("TAK_BENCH_SESSION_ONLY") != nil
        let sample = Array(#"{"jsonrpc":"2.0","id":12345,"method":"tools/call","params":{"name":"health","arguments":{},"_meta":{"progressToken":"abc"}}}"#.utf8)
        var t0 = BenchClock.now()
        if !onlySession {
            var parsed: JSONValue = .null
            for _ in 0..<n { parsed = try! JSONValue.parse(sample) }
            report.add("JSON parse of a tools/call line", "\(fmt((BenchClock.now() - t0) / Double(n) * 1e6)) us")
            t0 = BenchClock.now()
            var bytes = 0
            for _ in 0..<n { bytes &+= parsed.serialized().count }
            report.add("JSON serialize of a tools/call line", "\(fmt((BenchClock.now() - t0) / Double(n) * 1e6)) us")
        }

        let home = "/tmp/tak-bench-protocol-\(getpid())"
        mkdir(home, 0o700)
        let sink = CountingSink()
        let catalog = ToolCatalog(tools: ToolCatalog.standard.tools + [AnyTool(TrivialTool())], resources: [], resourceTemplates: [], prompts: [])
        let session = Session(configuration: ServerConfiguration(home: home), catalog: catalog,
                              environment: ToolEnvironment(home: home, store: try! Store(home: home + "/store"), validatesOutput: false,
                                                           serverVersion: ServerIdentity.version),
                              sink: sink, diagnostics: sink)
        session.receive(line: Array(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25"}}"#.utf8))
        for (label, line) in (onlySession ? [] : [("ping", #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)]) + [
            ("tools/call trivial", #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"bench_trivial","arguments":{}}}"#),
            ("tools/call health", #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"health","arguments":{}}}"#),
        ] {
            let bytes = Array(line.utf8)
            let before = sink.count.withLock { $0 }
            let cpu0 = BenchClock.processCPU()
            t0 = BenchClock.now()
            for _ in 0..<n { session.receive(line: bytes) }
            while sink.count.withLock({ $0 }) < before + n { usleep(50) }
            let elapsed = BenchClock.now() - t0
            let cpu = BenchClock.processCPU() - cpu0
            report.add("session \(label): CPU per call (in-process)", "\(fmt(cpu / Double(n) * 1e6)) us")
            report.add("session \(label): calls per second (in-process)", grouped(Double(n) / elapsed))
        }
    }
}

/// The smallest possible tool: no arguments, a constant text result. Measures the framework.
struct TrivialTool: Tool {
    typealias Arguments = NoArguments
    static let name = "bench_trivial"
    static let title = "Trivial"
    static let description = "Returns ok."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.core
    static let execution = ToolExecution.inline
    func call(_ arguments: NoArguments, context: ToolContext) async throws -> ToolOutput { .text("ok") }
}
