import Dispatch
import Store
import TakMCP
import Tools
import HTTP

/// The `tak-mcp` process measured from outside, as a host sees it: the release binary next to
/// this one is spawned over pipes and pinned to core 0, and so is this process while it measures
/// ("one pinned core"). Round trips are also measured with the client on the other core, where
/// on a VM every wake-up of a halted core costs tens of microseconds, and, as a baseline, through
/// `/bin/cat`, which does nothing but echo each line.
enum StdioBench {
    static let initialize = Array(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#.utf8)
    static let ping = Array(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#.utf8)
    static let health = Array(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"health","arguments":{}}}"#.utf8)

    static func run(report: inout BenchReport, quick: Bool) {
        let binary = siblingBinary("tak-mcp")
        guard access(binary, X_OK) == 0 else {
            report.add("stdio", "skipped: build the server first (swift build -c release)")
            return
        }
        let home = "/tmp/tak-bench-stdio-\(getpid())"
        mkdir(home, 0o700)
        let arguments = ["serve", "--home", home]

        var starts: [Double] = []
        for _ in 0..<(quick ? 5 : 30) {
            let t0 = BenchClock.now()
            guard let child = try? ChildProcess(path: binary, arguments: arguments) else { return }
            child.send(initialize)
            _ = child.receive()
            starts.append((BenchClock.now() - t0) * 1000)
            child.closeInput()
            _ = child.wait()
        }
        report.add("cold start to initialize response (median)", "\(fmt(Samples(starts).percentile(50))) ms", target: "<= 10 ms")

        // Pinned to core 0 with taskset (which execs the server, so the pid is the server's).
        let taskset = "/usr/bin/taskset"
        let pinned = access(taskset, X_OK) == 0
        func spawnPinned(_ path: String, _ arguments: [String]) -> ChildProcess? {
            try? (pinned ? ChildProcess(path: taskset, arguments: ["-c", "0", path] + arguments)
                         : ChildProcess(path: path, arguments: arguments))
        }
        guard let child = spawnPinned(binary, arguments) else { return }
        if !pinned { report.add("pinning", "taskset not found: the server is not pinned") }
        pinCallingThread(to: 0)
        child.send(initialize)
        _ = child.receive()
        child.send(Array(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#.utf8))
        usleep(100_000)
        report.add("RSS after init", "\(fmt(rssMiB(child.pid), 1)) MiB", target: "<= 20 MiB")

        let rounds = quick ? 2_000 : 20_000
        for (label, line) in [("ping", ping), ("tools/call health", health)] {
            report.add("round trip \(label) p50 / p99", Samples(roundTrips(child, line, rounds)).p50p99,
                       target: label == "ping" ? "p50 <= 25 us" : "")
        }
        if let cat = spawnPinned("/bin/cat", []) {
            report.add("baseline: round trip through /bin/cat p50 / p99", Samples(roundTrips(cat, ping, rounds)).p50p99)
            pinCallingThread(to: 1)
            report.add("baseline: /bin/cat, client on the other core", Samples(roundTrips(cat, ping, rounds)).p50p99)
            cat.closeInput()
            _ = cat.wait()
        } else {
            pinCallingThread(to: 1)
        }
        report.add("round trip ping, client on the other core", Samples(roundTrips(child, ping, rounds)).p50p99)

        // A flood from the other core: the server has core 0 to itself.

        for (label, line) in [("ping", ping), ("tools/call health", health)] {
            let n = quick ? 20_000 : 200_000
            var buffer: [UInt8] = []
            buffer.reserveCapacity((line.count + 1) * n)
            for _ in 0..<n { buffer += line; buffer.append(0x0A) }
            let payload = buffer
            let cpu0 = cpuSeconds(child.pid)
            let t0 = BenchClock.now()
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                pinCallingThread(to: 1)
                child.sendRaw(payload)
                done.signal()
            }
            for _ in 0..<n { _ = child.receive() }
            let elapsed = BenchClock.now() - t0
            done.wait()
            let cpu = cpuSeconds(child.pid) - cpu0
            report.add("pipelined \(label): server CPU per call", "\(fmt(cpu / Double(n) * 1e6)) us", target: label == "ping" ? "" : "<= 5 us")
            report.add("pipelined \(label): calls per second", grouped(Double(n) / elapsed), target: label == "ping" ? "" : ">= 200k")
        }

        pinCallingThread(to: 0)
        let pad = String(repeating: "x", count: 1 << 20)
        let big = Array(#"{"jsonrpc":"2.0","id":"big","method":"tools/call","params":{"name":"health","arguments":{"pad":"\#(pad)"}}}"#.utf8)
        var bigTimes: [Double] = []
        for _ in 0..<5 {
            let t0 = BenchClock.now()
            child.send(big)
            _ = child.receive()
            bigTimes.append((BenchClock.now() - t0) * 1000)
        }
        report.add("1 MiB request line handled (median of 5)", "\(fmt(Samples(bigTimes).percentile(50))) ms", target: "<= 20 ms")

        let t0 = BenchClock.now()
        child.closeInput()
        _ = child.wait()
        report.add("exit on stdin EOF", "\(fmt((BenchClock.now() - t0) * 1000)) ms", target: "<= 10 ms")
    }

    /// The round-trip times of `rounds` lines sent one at a time, in microseconds.
    static func roundTrips(_ child: ChildProcess, _ line: [UInt8], _ rounds: Int) -> [Double] {
        var times: [Double] = []
        times.reserveCapacity(rounds)
        for _ in 0..<rounds {
            let t0 = BenchClock.now()
            child.send(line)
            _ = child.receive()
            times.append((BenchClock.now() - t0) * 1e6)
        }
        return times
    }

    /// Keeps the calling thread on core `core` (when the machine has it). `sched_setaffinity` is a
    /// GNU extension that Swift's Glibc module leaves out, so it is looked up at run time.
    static func pinCallingThread(to core: Int) {
        typealias SetAffinity = @convention(c) (pid_t, Int, UnsafeRawPointer) -> Int32
        guard let symbol = dlsym(nil, "sched_setaffinity") else { return }
        var mask = [UInt64](repeating: 0, count: 16)
        mask[core / 64] |= 1 << UInt64(core % 64)
        _ = mask.withUnsafeBytes { unsafeBitCast(symbol, to: SetAffinity.self)(0, $0.count, $0.baseAddress!) }
    }

    static func siblingBinary(_ name: String) -> String {
        let path = RunningExecutable.path ?? CommandLine.arguments[0]
        return String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) + "/" + name
    }

    static func procFile(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func rssMiB(_ pid: pid_t) -> Double {
        for line in procFile("/proc/\(pid)/status").split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kib = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? .nan
            return kib / 1024
        }
        return .nan
    }

    static func cpuSeconds(_ pid: pid_t) -> Double {
        let stat = procFile("/proc/\(pid)/stat")
        guard let close = stat.lastIndex(of: ")") else { return .nan }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
