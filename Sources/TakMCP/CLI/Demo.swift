import Store
import Tools
import JSON
import HTTP
import Payments

/// `tak-mcp demo`: starts the real server as a subprocess on a throwaway home, plays a scripted
/// session over pipes and prints every call and result. It is what a newcomer runs first.
enum Demo {
    /// One scripted step: a title, the message to send, and whether it expects a response.
    struct Step {
        var title: String
        var method: String
        var params: JSONObject
        var isNotification = false
        /// Values to remember from the result's structured content: name → key (e.g. "buyer" → "id").
        var captures: [String: String] = [:]
    }

    /// A tools/call step.
    static func call(_ title: String, _ tool: String, _ arguments: JSONObject, capture: [String: String] = [:]) -> Step {
        Step(title: title, method: "tools/call", params: ["name": .string(tool), "arguments": .object(arguments)], captures: capture)
    }

    /// `value` with every "{{name}}" string replaced by the captured value.
    static func substitute(_ value: JSONValue, _ captured: [String: JSONValue]) -> JSONValue {
        switch value {
        case .string(let text) where text.hasPrefix("{{") && text.hasSuffix("}}"):
            return captured[String(text.dropFirst(2).dropLast(2))] ?? value
        case .string(let text) where text.contains("{{"):
            var result = text
            for (name, captured) in captured { result = result.replacing("{{\(name)}}", with: captured.stringValue ?? captured.jsonText) }
            return .string(result)
        case .array(let items): return .array(items.map { substitute($0, captured) })
        case .object(let object): return .object(JSONObject(object.members.map { ($0.key, substitute($0.value, captured)) }))
        default: return value
        }
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
        call("A buyer agent joins the marketplace", "agent_create", ["name": "BuyerAgent", "capabilities": ["request_service"]],
             capture: ["buyer": "id"]),
        call("A provider agent", "agent_create", ["name": "DataProvider", "capabilities": ["market_data"]], capture: ["provider": "id"]),
        call("A competing provider", "agent_create", ["name": "RivalProvider", "capabilities": ["market_data"]], capture: ["rival": "id"]),
        call("The buyer gets a wallet (the key stays in an encrypted keystore)", "wallet_create",
             ["agent_id": "{{buyer}}", "company_id": "co_demo"]),
        call("Fund it with sandbox test USDC (exact decimal, no floating point)", "wallet_fund", ["agent_id": "{{buyer}}", "amount": "25.50"]),
        call("The provider gets a wallet to be paid into", "wallet_create", ["agent_id": "{{provider}}", "company_id": "co_demo"]),
        call("A literal private key in the arguments is refused, and not echoed back", "wallet_register", [
            "agent_id": "{{rival}}", "company_id": "co_demo",
            "private_key": "0x0000000000000000000000000000000000000000000000000000000000000001",
        ]),
        call("The provider lists a service (1 USDC = 1,000,000,000 nano)", "service_create", [
            "agent_id": "{{provider}}", "service_name": "market_data", "base_price_nano": 1_500_000_000,
            "description": "Quarterly market data as JSON", "idempotency_key": "demo-service-1",
        ]),
        call("The buyer posts a request, paying at most 2 USDC", "request_create", [
            "requester_agent_id": "{{buyer}}", "service_query": "market_data Q4", "max_price_nano": 2_000_000_000,
            "idempotency_key": "demo-request-1",
        ], capture: ["request": "id"]),
        call("The provider offers 1.50 USDC", "offer_submit", [
            "request_id": "{{request}}", "provider_agent_id": "{{provider}}", "price_nano": 1_500_000_000,
            "terms": "JSON delivery within 10 s", "idempotency_key": "demo-offer-1",
        ], capture: ["offer": "id"]),
        call("The rival offers 1.80 USDC", "offer_submit", [
            "request_id": "{{request}}", "provider_agent_id": "{{rival}}", "price_nano": 1_800_000_000,
            "terms": "CSV delivery within 1 min", "idempotency_key": "demo-offer-2",
        ]),
        call("An offer above the buyer's maximum is refused", "offer_submit", [
            "request_id": "{{request}}", "provider_agent_id": "{{rival}}", "price_nano": 2_500_000_000, "terms": "premium",
        ]),
        call("The buyer accepts the cheaper offer: the competing one is rejected automatically", "offer_respond",
             ["offer_id": "{{offer}}", "status": "accepted", "idempotency_key": "demo-accept-1"]),
        call("A deal is created: an immutable snapshot of the terms, awaiting approval", "deal_create",
             ["request_id": "{{request}}", "offer_id": "{{offer}}", "idempotency_key": "demo-deal-1"], capture: ["deal": "id"]),
        call("The parties talk on the deal", "message_send",
             ["deal_id": "{{deal}}", "sender_agent_id": "{{buyer}}", "content": "Please include the raw CSV too."]),
        call("Executing before approval is refused by the state machine", "deal_execute",
             ["deal_id": "{{deal}}", "idempotency_key": "demo-execute-early"]),
        call("The payer approves", "deal_approve", ["deal_id": "{{deal}}", "idempotency_key": "demo-approve-1"]),
        call("Execute: the buyer's key signs an EIP-3009 authorization and the sandbox ledger settles it", "deal_execute",
             ["deal_id": "{{deal}}", "idempotency_key": "demo-execute-1"]),
        call("A retry with the same idempotency key returns the same result and pays nothing twice", "deal_execute",
             ["deal_id": "{{deal}}", "idempotency_key": "demo-execute-1"]),
        call("The buyer paid 1.50 USDC", "wallet_balance", ["agent_id": "{{buyer}}"]),
        call("The provider received it", "wallet_balance", ["agent_id": "{{provider}}"]),
        call("What would a 402-protected joke cost? A quote: every offer parsed, nothing paid", "payment_quote",
             ["agent_id": "{{buyer}}", "url": "{{paywall}}/paid/joke"]),
        call("Pay for it: the server answers 402, the policy checks the offer, the wallet signs, one retry, the paywall settles on the sandbox ledger",
             "make_payment", ["agent_id": "{{buyer}}", "url": "{{paywall}}/paid/joke", "idempotency_key": "demo-pay-1"]),
        call("A report above the per-payment cap (0.10 USDC by default) is refused by the policy, and nothing is signed", "make_payment",
             ["agent_id": "{{buyer}}", "url": "{{paywall}}/paid/report", "idempotency_key": "demo-pay-2"]),
        call("The payment journal: every attempt with its state", "payment_list", ["agent_id": "{{buyer}}"]),
        call("The policy the person set, and what is left of today's budget (no tool can change it)", "payment_policy", [:]),
        Step(title: "The deal as a resource, with messages and history", method: "resources/read", params: ["uri": "tak://deals/{{deal}}"]),
        Step(title: "The prompt that explains money units", method: "prompts/get",
             params: ["name": "getting_started", "arguments": ["topic": "money"]]),
        Step(title: "Complete a tool name for tak://tools/{name}", method: "completion/complete", params: [
            "ref": ["type": "ref/resource", "uri": "tak://tools/{name}"], "argument": ["name": "name", "value": "he"],
        ]),
        call("Research: dispatch a run on the embedded knowledge base; it is queued at once", "agent_run_create",
             ["query": "How has life expectancy in Brazil changed since 1990?", "source_indexes": ["data"]],
             capture: ["run": "run_id", "thread": "thread_id"]),
        call("Wait for it: a markdown answer whose figures are computed from the data, citing its cards", "agent_run_wait",
             ["run_id": "{{run}}", "timeout_s": 30]),
        call("A follow-up in the same thread: \"and in 2007?\" keeps Brazil and life expectancy", "agent_run_create",
             ["query": "and in 2007?", "thread_id": "{{thread}}", "source_indexes": ["data"]], capture: ["followup": "run_id"]),
        call("Its answer, with the question as resolved", "agent_run_wait", ["run_id": "{{followup}}", "timeout_s": 30]),
        call("A question the data cannot answer says so, with what the knowledge base holds", "agent_run_create",
             ["query": "What was Tesla's revenue in 2023?", "source_indexes": ["data"]], capture: ["unanswerable": "run_id"]),
        call("Its answer", "agent_run_wait", ["run_id": "{{unanswerable}}", "timeout_s": 30]),
        call("The thread's runs in order", "agent_thread_get", ["thread_id": "{{thread}}"]),
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
        var captured: [String: JSONValue] = [:]
        // The paywall the payment steps buy from: the demo resources on 127.0.0.1, settled on the
        // sandbox ledger of the same throwaway home the server uses.
        let paywallServer: HTTPServer
        do {
            paywallServer = try startPaywall(home: home)
        } catch {
            print("tak-mcp demo: cannot start the paywall: \(error)")
            return 1
        }
        defer { paywallServer.stop() }
        captured["paywall"] = .string(paywallServer.url)
        print("A 402 paywall (`tak-mcp paywall`) serves demo resources on \(paywallServer.url).\n")
        for (index, step) in steps.enumerated() {
            print("── \(index + 1). \(step.title)")
            var message: JSONObject = ["jsonrpc": "2.0"]
            if !step.isNotification {
                message["id"] = .integer(nextID)
                nextID += 1
            }
            message["method"] = .string(step.method)
            if !step.params.isEmpty { message["params"] = substitute(.object(step.params), captured) }
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
            if let structured = (try? JSONValue.parse(reply))?["result"]?["structuredContent"] {
                for (name, key) in step.captures { captured[name] = structured[key] }
            }
        }
        let started = monotonicMilliseconds()
        child.closeInput()
        let status = child.wait()
        print("── Closing stdin: the server exited with status \(status) after \(monotonicMilliseconds() - started) ms.")
        return status == 0 ? 0 : 1
    }

    /// The demo paywall over the sandbox ledger of `home`.
    static func startPaywall(home: String) throws -> HTTPServer {
        let store = try Store(home: HomeFolder.storeFolder(home))
        let clock: @Sendable () -> Int64 = { Int64(time(nil)) }
        let paywall = Paywall(payTo: Paywall.defaultPayee, secret: Array("tak-mcp demo \(getpid()) \(time(nil))".utf8), clock: clock,
                              settle: SandboxLedger(store: store).paywallSettlement(clock: clock))
        return try HTTPServer(port: 0) { request in paywall.respond(request) }
    }

    /// A response, shown readably: results indented, long text cut.
    static func render(_ line: [UInt8]) -> String {
        guard let value = try? JSONValue.parse(line) else { return "← " + String(decoding: line, as: UTF8.self) }
        if let error = value["error"] {
            return "← JSON-RPC error \(error["code"]?.jsonText ?? "?"): \(error["message"]?.stringValue ?? "")\n"
        }
        var result = value["result"] ?? .null
        if let run = result["structuredContent"], run["object"] == "agent.run" { return renderRun(run) }
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

    /// A research run, shown as a reader wants it: status, the question as resolved, who wrote
    /// the prose, the cited cards, and the markdown answer as it is.
    static func renderRun(_ run: JSONValue) -> String {
        var lines = ["← run \(run["run_id"]?.stringValue ?? "?") in thread \(run["thread_id"]?.stringValue ?? "?"): \(run["status"]?.stringValue ?? "?")"]
        if let error = run["error"], error != .null {
            lines.append("  error \(error["code"]?.stringValue ?? ""): \(error["message"]?.stringValue ?? "")")
        }
        if let result = run["result"], result != .null {
            lines.append("  resolved query: \(result["resolved_query"]?.stringValue ?? "")")
            lines.append("  written by: \(result["generation"]?["method"]?.stringValue ?? "")")
            let cards = result["cards"]?.arrayValue?.compactMap { $0["card_id"]?.stringValue } ?? []
            lines.append("  cards: \(cards.isEmpty ? "none" : cards.joined(separator: ", "))")
            lines.append("  answer:")
            lines += (result["answer"]?.stringValue ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "  │ " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
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
        Int(Session.monotonicNanoseconds() / 1_000_000)
    }
}

