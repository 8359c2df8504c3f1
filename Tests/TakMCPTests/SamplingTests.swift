import TakTestKit
import Store
import TakMCP
import Testing
import Tools
import JSON

/// Tools can ask the host's model through the client (sampling/createMessage), only when the
/// client declared sampling; the answer, or the client's refusal, routes back to the waiting call.
@Suite struct SamplingTests {
    @Test("a client with sampling gets sampling/createMessage and its answer reaches the tool")
    func asksWhenTheClientCan() async {
        let session = TestSession()
        await session.initialize(capabilities: #"{"sampling":{}}"#)
        let before = session.sink.all.count
        session.send(#"{"jsonrpc":"2.0","id":"s","method":"tools/call","params":{"name":"test_sample"}}"#)
        let request = await session.sink.wait(for: before + 1)[before]
        #expect(request["method"] == "sampling/createMessage")
        #expect(request["params"]?["systemPrompt"] == "Be brief.")
        #expect(request["params"]?["maxTokens"] == 20)
        #expect(request["params"]?["includeContext"] == "none")
        #expect(request["params"]?["messages"]?.arrayValue?.first?["content"]?["text"] == "Say hello.")
        let id = request["id"] ?? .null
        let reply = await session.call(#"{"jsonrpc":"2.0","id":\#(id.jsonText),"result":{"role":"assistant","content":{"type":"text","text":"Hello."},"model":"test-model","stopReason":"endTurn"}}"#)
        #expect(reply["id"] == "s")
        #expect(reply["result"]?["content"]?.arrayValue?.first?["text"] == "test-model said Hello.")
    }

    @Test("an array of content blocks is read as its text blocks")
    func readsContentArrays() async {
        let session = TestSession()
        await session.initialize(capabilities: #"{"sampling":{"tools":{}}}"#)
        let before = session.sink.all.count
        session.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_sample"}}"#)
        let id = await session.sink.wait(for: before + 1)[before]["id"] ?? .null
        let reply = await session.call(#"{"jsonrpc":"2.0","id":\#(id.jsonText),"result":{"role":"assistant","content":[{"type":"text","text":"Hi"},{"type":"text","text":"there"}],"model":"m"}}"#)
        #expect(reply["result"]?["content"]?.arrayValue?.first?["text"] == "m said Hi\nthere")
    }

    @Test("a client without sampling is never asked")
    func neverAsksWithoutTheCapability() async {
        let session = TestSession()
        await session.initialize(capabilities: #"{"elicitation":{}}"#)
        let reply = await session.call(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_sample"}}"#)
        #expect(reply["result"]?["content"]?.arrayValue?.first?["text"] == "cannot sample")
    }

    @Test("a client that refuses the request makes sampling unavailable, with its reason")
    func refusalIsUnavailable() async {
        let session = TestSession()
        await session.initialize(capabilities: #"{"sampling":{}}"#)
        let before = session.sink.all.count
        session.send(#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"test_sample"}}"#)
        let id = await session.sink.wait(for: before + 1)[before]["id"] ?? .null
        let reply = await session.call(#"{"jsonrpc":"2.0","id":\#(id.jsonText),"error":{"code":-1,"message":"User rejected sampling request"}}"#)
        #expect(reply["result"]?["content"]?.arrayValue?.first?["text"] == "unavailable: the client answered sampling/createMessage with -1: User rejected sampling request")
    }
}
