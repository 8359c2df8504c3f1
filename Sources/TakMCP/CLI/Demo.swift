import Glibc
import Store
import Tools

/// `tak-mcp demo`: starts the real server as a subprocess on a throwaway home, plays a scripted
/// session over pipes and prints every call and result. It is what a newcomer runs first.
enum Demo {
    /// One scripted step: a title, the message to send, and whether it expects a response.
    struct Step {
        var title: String
        var method: String
        var params: JSONObject
        var isNotification = false
    }

    static let steps: [Step] = [
        Step(title: "Handshake: the client offers the newest protocol revision", method: "initialize", params: [
            "protocolVersion": "2025-11-25", "capabilities": [:],
            "clientInfo": ["name": "tak-mcp-demo", "version": .string(ServerIdentity.version)],
        ]),
        Step(title: "The client confirms", method: "notifications/initialized", params: [:], isNotification: true),
        Step(title: "What tools are there?", method: "tools/list", params: [:]),
        Step(title: "Check the server's health", method: "tools/call", params: ["name": "health", "arguments": [:]]),
        Step(title: "A mistake the model can fix: an argument `health` does not take",
             method: "tools/call", params: ["name": "health", "arguments": ["verbose": true]]),
        Step(title: "A protocol fault: a tool that does not exist", method: "tools/call", params: ["name": "no_such_tool"]),
        Step(title: "Read the health resource", method: "resources/read", params: ["uri": "tak://health"]),
        Step(title: "Give the buyer agent a wallet (the key stays in an encrypted keystore)", method: "tools/call",
             params: ["name": "wallet_create", "arguments": ["agent_id": "ag_buyer", "company_id": "co_demo"]]),
        Step(title: "Fund it with sandbox test USDC (exact decimal, no floating point)", method: "tools/call",
             params: ["name": "wallet_fund", "arguments": ["agent_id": "ag_buyer", "amount": "25.50"]]),
        Step(title: "Check the balance", method: "tools/call", params: ["name": "wallet_balance", "arguments": ["agent_id": "ag_buyer"]]),
        Step(title: "A literal private key in the arguments is refused, and not echoed back", method: "tools/call", params: [
            "name": "wallet_register",
            "arguments": ["agent_id": "ag_seller", "company_id": "co_demo",
                          "private_key": "0x0000000000000000000000000000000000000000000000000000000000000001"],
        ]),
        Step(title: "The wallet as a resource", method: "resources/read", params: ["uri": "tak://wallets/ag_buyer"]),
        Step(title: "The prompt that explains money units", method: "prompts/get",
             params: ["name": "getting_started", "arguments": ["topic": "money"]]),
        Step(title: "Complete a tool name for tak://tools/{name}", method: "completion/complete", params: [
            "ref": ["type": "ref/resource", "uri": "tak://tools/{name}"], "argument": ["name": "name", "value": "he"],
        ]),
        Step(title: "Ping", method: "ping", params: [:]),
    ]

    static func run() -> Int32 {
        let home = makeTemporaryHome()
        defer { removeTree(home) }
        let executable = currentExecutablePath()
        print("TakMCP demo: starting `\(executable) serve --home \(home)` and talking MCP to it over pipes.\n")
        let child: ChildProcess
        do {
            child = try ChildProcess(path: executable, arguments: ["serve", "--home", home, "--log-level", "error"])
        } catch {
            print("tak-mcp demo: \(error)")
            return 1
        }
        var nextID: Int64 = 1
        for (index, step) in steps.enumerated() {
            print("── \(index + 1). \(step.title)")
            var message: JSONObject = ["jsonrpc": "2.0"]
            if !step.isNotification {
                message["id"] = .integer(nextID)
                nextID += 1
            }
            message["method"] = .string(step.method)
            if !step.params.isEmpty { message["params"] = .object(step.params) }
            let line = JSONValue.object(message).serialized()
            print("→ \(String(decoding: line, as: UTF8.self))")
            child.send(line)
            if step.isNotification {
                print("  (a notification: no response)\n")
                continue
            }
            guard let reply = child.receive() else {
                print("← the server closed its output unexpectedly")
                return 1
            }
            print(render(reply))
        }
        let started = monotonicMilliseconds()
        child.closeInput()
        let status = child.wait()
        print("── Closing stdin: the server exited with status \(status) after \(monotonicMilliseconds() - started) ms.")
        return status == 0 ? 0 : 1
    }

    /// A response, shown readably: results indented, long text cut.
    static func render(_ line: [UInt8]) -> String {
        guard let value = try? JSONValue.parse(line) else { return "← " + String(decoding: line, as: UTF8.self) }
        if let error = value["error"] {
            return "← JSON-RPC error \(error["code"]?.jsonText ?? "?"): \(error["message"]?.stringValue ?? "")\n"
        }
        var result = value["result"] ?? .null
        if case .object(var object) = result, let tools = object["tools"]?.arrayValue {
            object["tools"] = .array(tools.map { $0["name"] ?? .null })
            result = .object(object)
        }
        if case .object(var object) = result, object["structuredContent"] != nil {
            object["content"] = "(the same JSON as text)"
            result = .object(object)
        }
        var lines = result.prettyPrinted.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if lines.count > 40 { lines = Array(lines.prefix(40)) + ["  …"] }
        return lines.enumerated().map { ($0.offset == 0 ? "← " : "  ") + $0.element }.joined(separator: "\n") + "\n"
    }

    static func makeTemporaryHome() -> String {
        var template = Array("/tmp/tak-mcp-demo-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return "/tmp/tak-mcp-demo-\(getpid())" }
        return String(cString: made)
    }

    static func removeTree(_ path: String) {
        guard path.hasPrefix("/tmp/tak-mcp-demo-") else { return }
        guard let directory = opendir(path) else {
            unlink(path)
            return
        }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            if entry.pointee.d_type == UInt8(DT_DIR) { removeTree(child) } else { unlink(child) }
        }
        closedir(directory)
        rmdir(path)
    }

    static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
