import TakTestKit
import Store
import TakMCP
import Testing
import Tools
import JSON

/// JSON-RPC errors exactly as the spec says, and tool failures as `isError` results.
@Suite struct ErrorChannelTests {
    @Test(arguments: [
        // (line, expected code, expected id)
        ("{not json", -32700, JSONValue.null),
        (#"{"jsonrpc":"2.0","id":1,"method":"ping""#, -32700, .null),
        ("\"just a string\"", -32600, .null),
        ("null", -32600, .null),
        ("42", -32600, .null),
        (#"{"jsonrpc":"2.0","id":null,"method":"ping"}"#, -32600, .null),
        (#"{"jsonrpc":"2.0","id":true,"method":"ping"}"#, -32600, .null),
        (#"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#, -32600, 1.5),
        (#"{"jsonrpc":"2.0","id":{},"method":"ping"}"#, -32600, .null),
        (#"{"jsonrpc":"2.0","id":7}"#, -32600, 7),
        (#"{"jsonrpc":"1.0","id":8,"method":"ping"}"#, -32600, 8),
        (#"{"id":9,"method":"ping"}"#, -32600, 9),
        (#"{"jsonrpc":"2.0","id":10,"method":5}"#, -32600, 10),
        (#"{"jsonrpc":"2.0","id":11,"method":"no/such/method"}"#, -32601, 11),
        (#"{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"nope"}}"#, -32602, 12),
        (#"{"jsonrpc":"2.0","id":13,"method":"tools/call","params":{}}"#, -32602, 13),
        (#"{"jsonrpc":"2.0","id":14,"method":"tools/call","params":{"name":"health","arguments":[1]}}"#, -32602, 14),
        (#"{"jsonrpc":"2.0","id":15,"method":"tools/list","params":{"cursor":"bogus"}}"#, -32602, 15),
        (#"{"jsonrpc":"2.0","id":16,"method":"tools/list","params":[1,2]}"#, -32602, 16),
        (#"{"jsonrpc":"2.0","id":17,"method":"resources/read","params":{"uri":"tak://nothing"}}"#, -32002, 17),
        (#"{"jsonrpc":"2.0","id":18,"method":"prompts/get","params":{"name":"nope"}}"#, -32602, 18),
        (#"{"jsonrpc":"2.0","id":19,"method":"logging/setLevel","params":{"level":"loud"}}"#, -32602, 19),
        (#"{"jsonrpc":"2.0","id":20,"method":"tools/call","params":{"name":"test_crash"}}"#, -32603, 20),
        (#"[{"jsonrpc":"2.0","id":21,"method":"ping"}]"#, -32600, .null),
        (#"{"jsonrpc":"2.0","id":22,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"nope"},"argument":{"name":"a","value":""}}}"#, -32602, 22),
    ] as [(String, Int64, JSONValue)])
    func protocolErrors(line: String, code: Int64, id: JSONValue) async {
        let session = TestSession()
        await session.initialize()
        let reply = await session.call(line)
        #expect(reply["jsonrpc"] == "2.0")
        #expect(reply["error"]?["code"] == .integer(code), "\(line) -> \(reply)")
        #expect(reply["id"] == id)
        #expect(reply["result"] == nil)
        // The session keeps going.
        #expect(await session.call(#"{"jsonrpc":"2.0","id":"after","method":"ping"}"#)["result"] == [:])
    }

    @Test func internalErrorDetailGoesToStderrOnly() async {
        let session = TestSession(stderrLevel: .debug)
        await session.initialize()
        let reply = await session.call(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_crash"}}"#)
        #expect(reply["error"]?["message"] == "Internal error")
        #expect(session.sink.stderrLines.contains { $0.contains("Boom") })
    }

    @Test(arguments: [
        (#"{}"#, "`text`: is required (Text to echo.)"),
        (#"{"text":5}"#, "`text`: must be a string; got 5 (integer)"),
        (#"{"text":""}"#, "`text`: must not be empty"),
        (#"{"text":"abcdefghijklmnopqrstuvwxyz"}"#, "`text`: must be at most 20 characters long; got 26"),
        (#"{"text":"a","count":0}"#, "`count`: must be at least 1 (allowed: 1 to 5); got 0"),
        (#"{"text":"a","count":2.5}"#, "`count`: must be an integer; got 2.5 (number)"),
        (#"{"text":"a","extra":1}"#, "`extra`: is not a known field; the fields are `text`, `count`, `fail`, `tags`"),
        (#"{"text":"a","tags":["ok","Bad"]}"#, "`tags[1]`: must match the pattern ^[a-z]+$; got \"Bad\" (string)"),
        (#"{"text":"a","tags":["a","b","c","d"]}"#, "`tags`: must have at most 3 items; got 4"),
        // A value that looks like a key or token is never echoed back; a public address is.
        (#"{"text":"a","tags":["0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"]}"#,
         "`tags[0]`: must match the pattern ^[a-z]+$; got a string of 66 characters that looks like a key or token, not repeated here (string)"),
        (#"{"text":"a","tags":["sk-proj-4f9aQ2mZ8xL1vB7nR3tY6uW0eK5jH2gD"]}"#,
         "`tags[0]`: must match the pattern ^[a-z]+$; got a string of 40 characters that looks like a key or token, not repeated here (string)"),
        (#"{"text":"a","tags":["0x9Ba2B5dAfB2Cf46E5b6e1F6C0bE1b7cE3c2D4a11"]}"#,
         "`tags[0]`: must match the pattern ^[a-z]+$; got \"0x9Ba2B5dAfB2Cf46E5b6e1F6C0bE1b7cE3c2D4a11\" (string)"),
        (#"{"text":"forbidden"}"#, "`text` must not be \"forbidden\"; choose another word"),
    ])
    func invalidArgumentsAreToolErrors(arguments: String, message: String) async {
        let session = TestSession()
        await session.initialize()
        let reply = await session.call(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_echo","arguments":\#(arguments)}}"#)
        let result = reply["result"]
        #expect(result?["isError"] == true)
        #expect(result?["structuredContent"]?["error"] == "invalid_request")
        let text = result?["content"]?.arrayValue?.first?["text"]?.stringValue ?? ""
        #expect(text == "invalid_request: Invalid arguments for `test_echo`: \(message)")
    }

    @Test func businessFailureIsToolError() async {
        let session = TestSession()
        await session.initialize()
        let result = await session.call(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_echo","arguments":{"text":"x","fail":true}}}"#)["result"]
        #expect(result?["isError"] == true)
        #expect(result?["structuredContent"] == ["error": "not_found", "message": "nothing called x", "details": [:]])
    }

    @Test func structuredResultCarriesSameJSONAsText() async throws {
        let session = TestSession()
        await session.initialize()
        let result = await session.call(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_echo","arguments":{"text":"ab","count":2}}}"#)["result"]
        #expect(result?["structuredContent"] == ["text": "abab"])
        let text = try #require(result?["content"]?.arrayValue?.first?["text"]?.stringValue)
        #expect(try JSONValue.parse(text) == ["text": "abab"])
        #expect(result?["isError"] == nil)
    }
}
