import TakTestKit
import Store
import TakMCP
import Testing
import Tools
import JSON

/// Ids round-trip exactly; notifications and stray responses get no answer; batches only on 2025-03-26.
@Suite struct MessageTests {
    @Test(arguments: [#""abc""#, "0", "-1", "9007199254740991", "-9007199254740991", #""1""#, "1", #""""#,
                      "9223372036854775807", #""\u00e9\n""#])
    func idsRoundTrip(id: String) async throws {
        let session = TestSession()
        let reply = await session.call(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#)
        #expect(reply["id"] == (try JSONValue.parse(id)))
        #expect(reply["result"] == [:])
    }

    @Test func stringAndIntegerIdsStayDistinct() async {
        let session = TestSession()
        let text = await session.call(#"{"jsonrpc":"2.0","id":"1","method":"ping"}"#)
        let number = await session.call(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)
        #expect(text["id"] == "1")
        #expect(number["id"] == 1)
        #expect(String(decoding: text.serialized(), as: UTF8.self).contains(#""id":"1""#))
    }

    @Test func unknownNotificationsAndStrayResponsesAreIgnored() async {
        let session = TestSession()
        await session.initialize()
        let before = session.sink.all.count
        session.send(#"{"jsonrpc":"2.0","method":"notifications/unknown","params":{"x":1}}"#)
        session.send(#"{"jsonrpc":"2.0","id":99,"result":{}}"#)
        session.send(#"{"jsonrpc":"2.0","id":98,"error":{"code":1,"message":"x"}}"#)
        session.send(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":12345}}"#)
        session.send("")
        session.send("   \r")
        #expect(await session.call(#"{"jsonrpc":"2.0","id":"p","method":"ping"}"#)["id"] == "p")
        #expect(session.sink.all.count == before + 1)
    }

    @Test func crlfIsTolerated() async {
        let session = TestSession()
        #expect(await session.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\r")["result"] == [:])
    }

    @Test func batchesOnlyWith20250326() async {
        let modern = TestSession()
        await modern.initialize(version: "2025-06-18")
        #expect(await modern.call(#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#)["error"]?["code"] == -32600)

        let batching = TestSession()
        await batching.initialize(version: "2025-03-26")
        let reply = await batching.call(#"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/x"},{"jsonrpc":"2.0","id":"t","method":"tools/call","params":{"name":"test_echo","arguments":{"text":"hi"}}},{"bad":true}]"#)
        let items = reply.arrayValue ?? []
        #expect(items.count == 3)
        #expect(items.contains { $0["id"] == 1 && $0["result"] == [:] })
        #expect(items.contains { $0["id"] == "t" && $0["result"]?["structuredContent"] == ["text": "hi"] })
        #expect(items.contains { $0["error"]?["code"] == -32600 })
        #expect(await batching.call("[]")["error"]?["code"] == -32600)
        // A batch of notifications only gets no response at all.
        let before = batching.sink.all.count
        batching.send(#"[{"jsonrpc":"2.0","method":"notifications/x"}]"#)
        #expect(await batching.call(#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#)["id"] == 2)
        #expect(batching.sink.all.count == before + 1)
    }
}

/// A tool's result is written straight into the response line; it must be the same JSON as
/// `resultJSON`, with a structured result's text block holding exactly its JSON text.
@Suite struct ToolResultWritingTests {
    static let outputs: [ToolOutput] = [
        .structured(["quote\"back\\slash": "tab\t\u{1}new\nline é 😀", "n": 12, "nested": ["a": [1, 2, nil]]]),
        .structured([:]),
        .text("plain \"text\""),
        .error("broken: \"x\"", structured: ["error": "invalid_request"]),
        ToolOutput(content: [["type": "text", "text": "two"], ["type": "text", "text": "blocks"]]),
    ]

    @Test(arguments: outputs)
    func writtenResultIsTheResultJSON(output: ToolOutput) throws {
        var writer = JSONWriter(capacity: 16)
        output.writeResult(to: &writer)
        let written = try JSONValue.parse(writer.takeArray())
        #expect(written == .object(output.resultJSON))
        if let structured = output.structuredContent, output.mirrorsStructured {
            #expect(written["content"]?.arrayValue?.first?["text"] == .string(JSONValue.object(structured).jsonText))
        }
    }
}
