import TakTestSupport
import Foundation
import Store
import Testing
import JSON

/// The built binary over pipes, as hosts run it: transcripts, framing limits, shutdown.
@Suite(.serialized) struct EndToEndTests {
    static let fixtures = (try? FileManager.default.contentsOfDirectory(atPath: Repository.root + "/Tests/TakMCPTests/Fixtures"))?
        .filter { $0.hasSuffix(".jsonl") }.sorted() ?? []

    /// Each fixture line is `{"send": message}`, `{"send_raw": "text"}`, `{"expect": pattern}`,
    /// `{"args": [...]}` (first line only) or `{"close": true, "exit": status}`. Expectations may
    /// capture values ("<capture:NAME>") that later messages use as "{{NAME}}".
    @Test(arguments: fixtures)
    func transcript(_ name: String) throws {
        let lines = try Repository.text("Tests/TakMCPTests/Fixtures/\(name)").split(separator: "\n").filter { !$0.hasPrefix("//") }
        var steps = try lines.map { try JSONValue.parse(String($0)) }
        var arguments: [String] = []
        if let first = steps.first, let args = first["args"]?.arrayValue {
            arguments = args.compactMap(\.stringValue)
            steps.removeFirst()
        }
        let server = try ServerProcess(arguments: arguments)
        var captures: [String: JSONValue] = [:]
        for (index, step) in steps.enumerated() {
            if let message = step["send"] {
                server.send(Transcript.substitute(message, captures))
            } else if let raw = step["send_raw"]?.stringValue {
                server.send(raw)
            } else if let expected = step["expect"] {
                let actual = try server.receive()
                #expect(Transcript.matches(actual, Transcript.substitute(expected, captures), captures: &captures), "\(name) step \(index + 1): expected \(expected.jsonText)\n  got \(actual?.jsonText ?? "end of output")")
            } else if step["close"] == true {
                server.closeInput()
                let status = server.waitForExit()
                #expect(status == (step["exit"]?.integerValue.map(Int32.init) ?? 0), "\(name): exit status")
                #expect(try server.receive() == nil, "\(name): nothing more on stdout")
            }
        }
        if server.process.isRunning {
            server.closeInput()
            _ = server.waitForExit()
        }
    }

    @Test func exitsPromptlyOnEndOfInput() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let started = Date()
        server.closeInput()
        #expect(server.waitForExit() == 0)
        #expect(Date().timeIntervalSince(started) < 1.0)
    }

    /// The server asks for 1 MiB pipes to and from its host, so bursts move in fewer system calls.
    @Test func pipesToTheHostAreEnlarged() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let getPipeSize: Int32 = 1032 // F_GETPIPE_SZ
        // A machine that caps unprivileged pipes below 1 MiB refuses the request; the default stays.
        let cap = (try? String(contentsOfFile: "/proc/sys/fs/pipe-max-size", encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 1 << 20
        if cap >= 1 << 20 {
            #expect(fcntl(server.input.fileHandleForWriting.fileDescriptor, getPipeSize) == 1 << 20)
            #expect(fcntl(server.output.fileHandleForReading.fileDescriptor, getPipeSize) == 1 << 20)
        }
        server.closeInput()
        _ = server.waitForExit()
    }

    @Test func exitsCleanlyOnSIGTERM() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.waitForExit() == 0)
    }

    @Test func oversizedLineIsRefusedAndReadingGoesOn() throws {
        let server = try ServerProcess(arguments: ["--max-line-bytes", "2048"])
        _ = try server.initialize()
        server.send(#"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":""# + String(repeating: "x", count: 10_000) + "\"}}")
        let refused = try server.receive()
        #expect(refused?["error"]?["code"] == -32600)
        #expect(refused?["id"] == .null)
        server.send(#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#)
        #expect(try server.receive()?["id"] == 2)
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    @Test func megabyteLineIsHandled() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let pad = String(repeating: "z", count: 1 << 20)
        server.send(#"{"jsonrpc":"2.0","id":"big","method":"tools/call","params":{"name":"health","arguments":{"pad":"\#(pad)"}}}"#)
        let reply = try server.receive()
        #expect(reply?["id"] == "big")
        #expect(reply?["result"]?["isError"] == true)
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    @Test func stdoutCarriesOnlyMessagesAndLogsGoToStderr() throws {
        let server = try ServerProcess(arguments: ["--log-level", "debug"])
        _ = try server.initialize(version: "1999-01-01")
        server.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"health"}}"#)
        #expect(try server.receive()?["result"]?["structuredContent"]?["version"] == "tak/0.1")
        server.closeInput()
        #expect(server.waitForExit() == 0)
        while let message = try server.receive() { #expect(message["jsonrpc"] == "2.0") }
        #expect(server.stderrText.contains("answering with 2025-11-25"))
    }

    @Test func helpAndVersion() throws {
        let help = try ServerProcess(arguments: ["--help", "--home", "/nonexistent"])
        #expect(help.waitForExit() == 0)
        let usage = String(decoding: help.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(usage.contains("--toolsets"))
        let bad = try ServerProcess(arguments: ["--bogus", "--home", "/nonexistent"])
        #expect(bad.waitForExit() == 64)
        #expect(bad.stderrText.contains("unknown option --bogus"))
    }
}

/// A damaged store stops the server with a message that says what to do, and is never rewritten.
@Suite struct DamagedStoreTests {
    @Test func corruptJournalStopsTheServerAndIsLeftUntouched() throws {
        let home = NSTemporaryDirectory() + "tak-damaged-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/store", withIntermediateDirectories: true)
        let journal = home + "/store/journal.jsonl"
        let good = #"{"v":1,"seq":1,"ops":[{"op":"put","collection":"agents","id":"ag_1","value":{"name":"a"}}]}"#
        let damaged = Data("\(good)\nnot json at all\n\(good.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":3"))\n".utf8)
        try damaged.write(to: URL(fileURLWithPath: journal))
        let server = try ServerProcess(arguments: ["--home", home])
        #expect(server.waitForExit() == 1)
        let message = server.stderrText
        #expect(message.contains("journal.jsonl line 2"))
        #expect(message.contains("tak-mcp doctor --repair"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == damaged)
    }

    @Test func doctorReportsTheDamage() throws {
        let home = NSTemporaryDirectory() + "tak-damaged-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/store", withIntermediateDirectories: true)
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: home + "/store/journal.jsonl"))
        let doctor = try ServerProcess(arguments: ["doctor", "--home", home])
        #expect(doctor.waitForExit() == 1)
        let report = String(decoding: doctor.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(report.contains("ERR store journal.jsonl"))
        #expect(report.contains("found; fix them"))
    }
}

/// `tak-mcp demo`, the first thing a newcomer runs, plays its whole script and exits 0.
@Suite struct DemoTests {
    @Test func demoRunsToTheEnd() throws {
        let demo = try ServerProcess(arguments: ["demo", "--home", "/unused"])
        #expect(demo.waitForExit(timeout: 60) == 0)
        let output = String(decoding: demo.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(output.contains("\"balance\": \"25.50\""))
        #expect(output.contains("\"auto_rejected_competitors\""))
        #expect(output.contains("\"status\": \"executed\""))
        #expect(output.contains("\"balance\": \"24.00\"") && output.contains("\"balance\": \"1.50\""), "the buyer paid the provider once")
        #expect(output.contains("\"paid\": true") && output.contains("\"state\": \"settled\""), "a 402 resource was paid")
        #expect(output.contains("\"error\": \"payment_refused\"") && output.contains("\"rule\": \"per_payment_cap\""), "and one was refused")
        #expect(output.contains("the server exited with status 0"))
        #expect(!output.contains("JSON-RPC error -32603"))
        #expect(output.contains("resolved query: Life expectancy at birth · Brazil · 2007"), "the follow-up resolved in its thread")
        #expect(output.contains("│ The knowledge base cannot answer this question."))
    }
}

/// Answers to pipelined requests are held and written together; every one of them arrives
/// without further input, including answers that finish on another thread.
@Suite struct PipeliningTests {
    @Test func aBurstOfRequestsIsAnsweredInFull() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        var burst = ""
        for index in 0..<2000 { burst += #"{"jsonrpc":"2.0","id":\#(index),"method":"ping"}"# + "\n" }
        burst += #"{"jsonrpc":"2.0","id":"pooled","method":"tools/call","params":{"name":"wallet_create","arguments":{"agent_id":"ag_p","company_id":"co"}}}"# + "\n"
        server.sendRaw(Data(burst.utf8))
        var seen = Set<String>()
        while seen.count < 2001, let message = try server.receive() { if let id = message["id"] { seen.insert(id.jsonText) } }
        #expect(seen.count == 2001)
        #expect(seen.contains("\"pooled\""))
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }
}
