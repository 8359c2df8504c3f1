import TakTestKit
import Store
import TakMCP
import Testing
import Tools

/// The handshake, version negotiation and what is served before `initialize`.
@Suite struct LifecycleTests {
    @Test(arguments: [
        ("2025-11-25", "2025-11-25"), ("2025-06-18", "2025-06-18"), ("2025-03-26", "2025-03-26"),
        ("2024-11-05", "2024-11-05"), ("2026-07-28", "2025-11-25"), ("1999-01-01", "2025-11-25"),
    ])
    func negotiatesVersion(requested: String, answered: String) async {
        let reply = await TestSession().initialize(version: requested)
        #expect(reply["result"]?["protocolVersion"] == .string(answered))
    }

    @Test func initializeResultDescribesServer() async {
        let result = await TestSession().initialize()["result"]
        #expect(result?["serverInfo"]?["name"] == "tak-mcp")
        #expect(result?["serverInfo"]?["title"] == "TakMCP")
        #expect(result?["serverInfo"]?["version"] == .string(ServerIdentity.version))
        #expect(result?["serverInfo"]?["description"]?.stringValue?.isEmpty == false)
        let instructions = result?["instructions"]?.stringValue ?? ""
        #expect(instructions.contains("idempotency_key"))
        #expect(instructions.contains("nano"))
        #expect(instructions.contains("approv"))
        let capabilities = result?["capabilities"]?.objectValue
        #expect(capabilities?.keys.sorted() == ["completions", "logging", "prompts", "resources", "tasks", "tools"])
        #expect(result?["capabilities"]?["resources"]?["subscribe"] == true)
    }

    @Test func onlyPingBeforeInitialize() async {
        let session = TestSession()
        #expect(await session.call(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#) == ["jsonrpc": "2.0", "id": 1, "result": [:]])
        let early = await session.call(#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#)
        #expect(early["error"]?["code"] == -32600)
        #expect(early["id"] == 2)
        let discover = await session.call(#"{"jsonrpc":"2.0","id":3,"method":"server/discover","params":{}}"#)
        #expect(discover["error"]?["code"] == -32601)
        // The session is still usable.
        #expect(await session.initialize()["result"]?["protocolVersion"] == "2025-11-25")
        #expect(await session.call(#"{"jsonrpc":"2.0","id":4,"method":"tools/list"}"#)["result"]?["tools"] != nil)
    }

    @Test func secondInitializeIsRefused() async {
        let session = TestSession()
        await session.initialize()
        let again = await session.call(#"{"jsonrpc":"2.0","id":9,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}"#)
        #expect(again["error"]?["code"] == -32600)
    }

    @Test func initializeNeedsProtocolVersion() async {
        let reply = await TestSession().call(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#)
        #expect(reply["error"]?["code"] == -32602)
    }

    @Test func notificationsBeforeInitializeAreIgnored() async {
        let session = TestSession()
        session.send(#"{"jsonrpc":"2.0","method":"notifications/whatever"}"#)
        session.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        #expect(await session.call(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)["result"] == [:])
        #expect(session.sink.all.count == 1)
    }
}
