import TakTestSupport
import Foundation
import Store
import JSON

/// The real `tak-mcp` binary running as a subprocess, driven over pipes as a host would.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    let home: String
    private var buffer = Data()

    /// Starts `tak-mcp` with `arguments` (a fresh home is added unless one is given).
    init(arguments: [String] = [], environment: [String: String] = [:]) throws {
        home = NSTemporaryDirectory() + "tak-e2e-\(UUID().uuidString)"
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = arguments.contains("--home") ? arguments : arguments + ["--home", home]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TAK_HOME")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Writes raw bytes.
    func sendRaw(_ data: Data) { input.fileHandleForWriting.write(data) }

    /// Writes one line.
    func send(_ line: String) { sendRaw(Data((line + "\n").utf8)) }

    /// Writes one message.
    func send(_ message: JSONValue) { send(message.jsonText) }

    /// Reads the next stdout line as JSON; nil at end of output.
    func receive() throws -> JSONValue? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return try JSONValue.parse(Array(line))
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    /// Closes stdin.
    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits for exit (at most `timeout` seconds, then kills) and returns the status.
    func waitForExit(timeout: Double = 10) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(1000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Everything written to stderr (after exit).
    var stderrText: String {
        String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Initializes the session.
    func initialize(version: String = "2025-11-25") throws -> JSONValue? {
        send(["jsonrpc": "2.0", "id": "init", "method": "initialize",
              "params": ["protocolVersion": .string(version), "capabilities": [:], "clientInfo": ["name": "e2e", "version": "1"]]])
        let reply = try receive()
        send(["jsonrpc": "2.0", "method": "notifications/initialized"])
        return reply
    }
}

/// Transcript matching: every key in the expectation must match; "<any>" matches any value;
/// "<capture:NAME>" matches any value and remembers it, and "{{NAME}}" in a later message is
/// replaced by what was captured (so a transcript can use the ids the server made up).
enum Transcript {
    static func matches(_ actual: JSONValue?, _ expected: JSONValue) -> Bool {
        var captures: [String: JSONValue] = [:]
        return matches(actual, expected, captures: &captures)
    }

    static func matches(_ actual: JSONValue?, _ expected: JSONValue, captures: inout [String: JSONValue]) -> Bool {
        if expected == "<any>" { return actual != nil }
        if let pattern = expected.stringValue, pattern.hasPrefix("<capture:"), pattern.hasSuffix(">"), let actual {
            captures[String(pattern.dropFirst("<capture:".count).dropLast())] = actual
            return true
        }
        guard let actual else { return false }
        switch (actual, expected) {
        case (.object(let a), .object(let e)):
            return e.allSatisfy { key, value in
                value == "<absent>" ? a[key] == nil : matches(a[key], value, captures: &captures)
            }
        case (.array(let a), .array(let e)):
            return a.count == e.count && zip(a, e).allSatisfy { matches($0, $1, captures: &captures) }
        case (.string(let a), .string(let e)) where e.hasPrefix("<contains>"):
            return a.contains(e.dropFirst("<contains>".count))
        default:
            return actual == expected
        }
    }

    /// `message` with every "{{NAME}}" inside its strings replaced by the captured value (its
    /// string, or its JSON text for other values).
    static func substitute(_ message: JSONValue, _ captures: [String: JSONValue]) -> JSONValue {
        guard !captures.isEmpty else { return message }
        switch message {
        case .string(var text):
            guard text.contains("{{") else { return message }
            for (name, value) in captures { text = text.replacingOccurrences(of: "{{\(name)}}", with: value.stringValue ?? value.jsonText) }
            return .string(text)
        case .array(let items): return .array(items.map { substitute($0, captures) })
        case .object(let object): return .object(JSONObject(object.members.map { ($0.key, substitute($0.value, captures)) }))
        default: return message
        }
    }
}
