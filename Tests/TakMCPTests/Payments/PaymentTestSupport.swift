import TakTestSupport
import Foundation
import JSON

/// `tak-mcp paywall --port 0` as a child process on a home, and its URL.
final class PaywallProcess: @unchecked Sendable {
    let process = Process()
    let output = Pipe()
    /// `http://127.0.0.1:PORT`.
    let url: String

    /// Starts the paywall on `home` and waits for the line that names its URL.
    init(home: String) throws {
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = ["paywall", "--port", "0", "--home", home]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else {
            process.terminate()
            throw PaymentTestError(message: "the paywall did not start: \(text)")
        }
        url = String(text[range])
    }

    /// Stops it (SIGTERM) and waits.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// A failure of the test harness itself.
struct PaymentTestError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A served session of the real binary on `home`, with helpers to call tools.
final class PaymentSession: @unchecked Sendable {
    let server: ServerProcess
    /// The home it serves.
    let home: String
    private var nextID: Int64 = 100

    /// Starts `tak-mcp` on `home` with extra `arguments` (the policy flags) and initializes it.
    init(home: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
        self.home = home
        server = try ServerProcess(arguments: ["--home", home] + arguments, environment: environment)
        _ = try server.initialize()
    }

    /// Sends a tools/call and returns its id.
    @discardableResult
    func send(_ name: String, _ arguments: JSONValue) -> Int64 {
        nextID += 1
        server.send(["jsonrpc": "2.0", "id": .integer(nextID), "method": "tools/call", "params": ["name": .string(name), "arguments": arguments]])
        return nextID
    }

    /// Reads until the answers to `ids` arrived; returns the results by id.
    func results(_ ids: [Int64]) throws -> [Int64: JSONValue] {
        var found: [Int64: JSONValue] = [:]
        while found.count < ids.count, let message = try server.receive() {
            if let id = message["id"]?.integerValue, ids.contains(id) { found[id] = message["result"] ?? message["error"] ?? .null }
        }
        return found
    }

    /// Calls a tool and returns its result (`structuredContent`, `isError`…).
    func call(_ name: String, _ arguments: JSONValue) throws -> JSONValue {
        let id = send(name, arguments)
        guard let result = try results([id])[id] else { throw PaymentTestError(message: "no answer to \(name)") }
        return result
    }

    /// Closes stdin and waits for exit.
    @discardableResult
    func close() -> Int32 {
        server.closeInput()
        while (try? server.receive()) != nil {}
        return server.waitForExit()
    }
}

/// Homes and wallets for the payment tests.
enum PaymentHome {
    /// A fresh home with agent `ag_pay` holding `funds` sandbox USDC.
    static func make(funds: String = "5") throws -> String {
        let home = NSTemporaryDirectory() + "tak-pay-\(UUID().uuidString)"
        let session = try PaymentSession(home: home)
        _ = try session.call("wallet_create", ["agent_id": "ag_pay", "company_id": "co"])
        _ = try session.call("wallet_fund", ["agent_id": "ag_pay", "amount": .string(funds)])
        session.close()
        return home
    }

    /// The sandbox balance of `ag_pay`, atomic, read through the tools.
    static func balance(_ session: PaymentSession) throws -> String? {
        try session.call("wallet_balance", ["agent_id": "ag_pay"])["structuredContent"]?["balance_atomic"]?.stringValue
    }
}
