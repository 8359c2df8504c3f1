import TakTestKit
import Store
import TakMCP
import Testing
import Tools
import JSON

/// Tools can ask the person through the client (elicitation/create), only when the client
/// declared elicitation; the answer routes back to the waiting call.
@Suite struct ElicitationTests {
    @Test(arguments: [(#"{"elicitation":{}}"#, true), (#"{"elicitation":{"form":{}}}"#, true),
                      (#"{"elicitation":{"url":{}}}"#, false), ("{}", false)])
    func asksOnlyWhenTheClientCan(capabilities: String, supported: Bool) async {
        let session = TestSession()
        await session.initialize(capabilities: capabilities)
        let before = session.sink.all.count
        session.send(#"{"jsonrpc":"2.0","id":"ask","method":"tools/call","params":{"name":"test_ask"}}"#)
        guard let first = await session.sink.wait(for: before + 1).dropFirst(before).first else { Issue.record("no elicitation request"); return }
        if supported {
            #expect(first["method"] == "elicitation/create")
            #expect(first["params"]?["message"] == "Approve?")
            #expect(first["params"]?["requestedSchema"]?["properties"]?["ok"]?["type"] == "boolean")
            let requestID = first["id"] ?? .null
            let reply = await session.call(#"{"jsonrpc":"2.0","id":\#(requestID.jsonText),"result":{"action":"accept","content":{"ok":true}}}"#)
            #expect(reply["id"] == "ask")
            #expect(reply["result"]?["content"]?.arrayValue?.first?["text"] == #"accepted {"ok":true}"#)
        } else {
            #expect(first["id"] == "ask")
            #expect(first["result"]?["content"]?.arrayValue?.first?["text"] == "cannot ask")
        }
    }

    @Test func declineAndClientErrorsReachTheTool() async {
        let session = TestSession()
        await session.initialize(capabilities: #"{"elicitation":{}}"#)
        var before = session.sink.all.count
        session.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_ask"}}"#)
        guard let first = await session.sink.wait(for: before + 1).dropFirst(before).first else { Issue.record("no elicitation request"); return }
        var request = first
        var reply = await session.call(#"{"jsonrpc":"2.0","id":\#(request["id"]?.jsonText ?? "0"),"result":{"action":"decline"}}"#)
        #expect(reply["result"]?["content"]?.arrayValue?.first?["text"] == "declined")
        before = session.sink.all.count
        session.send(#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"test_ask"}}"#)
        guard let second = await session.sink.wait(for: before + 1).dropFirst(before).first else { Issue.record("no elicitation request"); return }
        request = second
        reply = await session.call(#"{"jsonrpc":"2.0","id":\#(request["id"]?.jsonText ?? "0"),"error":{"code":-1,"message":"no UI"}}"#)
        #expect(reply["id"] == 2)
        #expect(reply["error"]?["code"] == -32603, "an unexpected ElicitationUnavailable is an internal error for this test tool")
    }

    @Test func cancellingTheCallStopsTheWait() async {
        let session = TestSession()
        await session.initialize(capabilities: #"{"elicitation":{}}"#)
        let before = session.sink.all.count
        session.send(#"{"jsonrpc":"2.0","id":"c","method":"tools/call","params":{"name":"test_ask"}}"#)
        _ = await session.sink.wait(for: before + 1)
        session.send(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"c"}}"#)
        #expect(await session.idle(milliseconds: 10000))
        #expect(!session.sink.all.contains { $0["id"] == "c" })
    }
}
