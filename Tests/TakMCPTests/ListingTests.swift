import TakTestKit
import Store
import TakMCP
import Testing
import Tools
import JSON

/// Lists paginate with opaque cursors; resources, prompts, completion and logging behave.
@Suite struct ListingTests {
    @Test func toolsPaginate() async throws {
        let session = TestSession(pageSize: 2)
        await session.initialize()
        var names: [String] = []
        var cursor: JSONValue = .null
        for id in 1...50 {
            let params: JSONValue = cursor == .null ? [:] : ["cursor": cursor]
            let result = await session.call(#"{"jsonrpc":"2.0","id":\#(id),"method":"tools/list","params":\#(params.jsonText)}"#)["result"]
            names += result?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            guard let next = result?["nextCursor"] else { break }
            cursor = next
        }
        #expect(names == TestTools.catalog.tools.map(\.name))
    }

    @Test func resourcesTemplatesAndRead() async throws {
        let session = TestSession()
        await session.initialize()
        let resources = await session.call(#"{"jsonrpc":"2.0","id":1,"method":"resources/list"}"#)["result"]?["resources"]?.arrayValue
        #expect(resources?.map { $0["uri"] } == ["tak://health", "tak://knowledge/sources"])
        let templates = await session.call(#"{"jsonrpc":"2.0","id":2,"method":"resources/templates/list"}"#)["result"]?["resourceTemplates"]?.arrayValue
        #expect(templates?.map { $0["uriTemplate"] } == ["tak://tools/{name}", "tak://wallets/{agent_id}", "tak://agents/{agent_id}",
                                                        "tak://requests/{request_id}", "tak://deals/{deal_id}", "tak://cards/{card_id}",
                                                        "tak://cards/{card_id}/chart.svg", "tak://runs/{run_id}", "tak://runs/{run_card}/chart.svg"])
        let read = await session.call(#"{"jsonrpc":"2.0","id":3,"method":"resources/read","params":{"uri":"tak://tools/health"}}"#)
        let text = try #require(read["result"]?["contents"]?.arrayValue?.first?["text"]?.stringValue)
        #expect(try JSONValue.parse(text)["name"] == "health")
        let health = await session.call(#"{"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"tak://health"}}"#)
        let healthText = try #require(health["result"]?["contents"]?.arrayValue?.first?["text"]?.stringValue)
        #expect(try JSONValue.parse(healthText)["version"] == "tak/0.1")
        let missing = await session.call(#"{"jsonrpc":"2.0","id":5,"method":"resources/read","params":{"uri":"tak://tools/nope"}}"#)
        #expect(missing["error"]?["code"] == -32002)
        #expect(missing["error"]?["data"]?["uri"] == "tak://tools/nope")
    }

    @Test func promptsAndCompletion() async {
        let session = TestSession()
        await session.initialize()
        let prompts = await session.call(#"{"jsonrpc":"2.0","id":1,"method":"prompts/list"}"#)["result"]?["prompts"]?.arrayValue
        #expect(prompts?.map { $0["name"] } == ["getting_started", "buy_service", "sell_service"])
        let got = await session.call(#"{"jsonrpc":"2.0","id":2,"method":"prompts/get","params":{"name":"getting_started","arguments":{"topic":"idempotency"}}}"#)
        #expect(got["result"]?["messages"]?.arrayValue?.first?["content"]?["text"]?.stringValue?.contains("idempotency_key") == true)
        let badTopic = await session.call(#"{"jsonrpc":"2.0","id":3,"method":"prompts/get","params":{"name":"getting_started","arguments":{"topic":"nope"}}}"#)
        #expect(badTopic["error"]?["code"] == -32602)
        let completion = await session.call(#"{"jsonrpc":"2.0","id":4,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"getting_started"},"argument":{"name":"topic","value":"m"}}}"#)
        #expect(completion["result"]?["completion"]?["values"] == ["money"])
        let tools = await session.call(#"{"jsonrpc":"2.0","id":5,"method":"completion/complete","params":{"ref":{"type":"ref/resource","uri":"tak://tools/{name}"},"argument":{"name":"name","value":"test_"}}}"#)
        #expect(tools["result"]?["completion"]?["values"] == ["test_slow", "test_echo", "test_crash", "test_ask", "test_sample"])
    }

    @Test func loggingIsFilteredByLevel() async {
        let session = TestSession()
        await session.initialize()
        // Before setLevel the client gets no log messages.
        await session.call(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_echo","arguments":{"text":"a"}}}"#)
        #expect(!session.sink.all.contains { $0["method"] == "notifications/message" })
        #expect(await session.call(#"{"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"error"}}"#)["result"] == [:])
        await session.call(#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"test_echo","arguments":{"text":"b"}}}"#)
        #expect(!session.sink.all.contains { $0["method"] == "notifications/message" })
        await session.call(#"{"jsonrpc":"2.0","id":4,"method":"logging/setLevel","params":{"level":"debug"}}"#)
        await session.call(#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"test_echo","arguments":{"text":"c"}}}"#)
        let logs = session.sink.all.filter { $0["method"] == "notifications/message" }
        #expect(logs.count == 1)
        #expect(logs.first?["params"]?["level"] == "warning")
        #expect(logs.first?["params"]?["data"] == "echoing c")
    }

    @Test func toolsetsAndReadOnlySelect() async {
        let all = TestTools.catalog
        #expect(all.selecting(toolsets: [.marketplace], readOnly: false).tool(named: "test_crash") == nil)
        #expect(all.selecting(toolsets: [.wallet], readOnly: false).tool(named: "test_crash") != nil)
        #expect(all.selecting(toolsets: [], readOnly: false).tool(named: "health") != nil)
        let readOnly = all.selecting(toolsets: Set(Toolset.selectable), readOnly: true)
        #expect(readOnly.tools.allSatisfy { $0.annotations.readOnly })
    }
}
