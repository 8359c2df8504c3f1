import TakTestKit
import Foundation
import Store
import TakMCP
import Testing
import Tools

/// Slow tools never delay other calls; cancellation silences a request; progress stops at the response.
@Suite struct ConcurrencyTests {
    @Test func pingIsAnsweredWhileASlowToolRuns() async {
        let session = TestSession()
        await session.initialize()
        session.send(#"{"jsonrpc":"2.0","id":"slow","method":"tools/call","params":{"name":"test_slow","arguments":{"milliseconds":2000}}}"#)
        let ping = await session.call(#"{"jsonrpc":"2.0","id":"ping","method":"ping"}"#)
        #expect(ping["id"] == "ping")
        let echo = await session.call(#"{"jsonrpc":"2.0","id":"echo","method":"tools/call","params":{"name":"test_echo","arguments":{"text":"x"}}}"#)
        #expect(echo["id"] == "echo")
        #expect(session.session.inFlightCount == 1)
        session.send(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"slow","reason":"test over"}}"#)
        #expect(await session.idle(milliseconds: 10000))
    }

    @Test func cancelledRequestGetsNoResponse() async {
        let session = TestSession()
        await session.initialize()
        let before = session.sink.all.count
        session.send(#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"test_slow","arguments":{"milliseconds":5000}}}"#)
        session.send(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":5}}"#)
        #expect(await session.idle(milliseconds: 10000))
        #expect(await session.call(#"{"jsonrpc":"2.0","id":6,"method":"ping"}"#)["id"] == 6)
        #expect(!session.sink.all[before...].contains { $0["id"] == 5 })
    }

    @Test func progressIncreasesAndStopsAtTheResponse() async throws {
        let session = TestSession()
        await session.initialize()
        session.send(#"{"jsonrpc":"2.0","id":"p","method":"tools/call","params":{"name":"test_slow","arguments":{"milliseconds":60},"_meta":{"progressToken":"tok"}}}"#)
        #expect(await session.idle(milliseconds: 10000))
        let messages = session.sink.all
        let progress = messages.filter { $0["method"] == "notifications/progress" }
        #expect(progress.count >= 3)
        #expect(progress.allSatisfy { $0["params"]?["progressToken"] == "tok" && $0["params"]?["total"] == 60 })
        let values = progress.compactMap { $0["params"]?["progress"]?.doubleValue }
        #expect(values == values.sorted() && Set(values).count == values.count)
        let responseIndex = try #require(messages.firstIndex { $0["id"] == "p" })
        #expect(messages[responseIndex...].dropFirst().allSatisfy { $0["method"] != "notifications/progress" })
    }

    @Test func noProgressWithoutToken() async {
        let session = TestSession()
        await session.initialize()
        session.send(#"{"jsonrpc":"2.0","id":"p","method":"tools/call","params":{"name":"test_slow","arguments":{"milliseconds":30}}}"#)
        #expect(await session.idle(milliseconds: 10000))
        #expect(!session.sink.all.contains { $0["method"] == "notifications/progress" })
    }

    @Test func shutdownCancelsWorkPastTheGracePeriod() async {
        let session = TestSession()
        await session.initialize()
        session.send(#"{"jsonrpc":"2.0","id":"long","method":"tools/call","params":{"name":"test_slow","arguments":{"milliseconds":60000}}}"#)
        // shutdown() blocks, so it runs on a thread of its own, as in the server; its duration is
        // measured there, since resuming this test may wait for a busy cooperative pool.
        let seconds = await withCheckedContinuation { (done: CheckedContinuation<Double, Never>) in
            Thread.detachNewThread {
                let started = Date()
                session.session.shutdown()
                done.resume(returning: Date().timeIntervalSince(started))
            }
        }
        #expect(seconds < 4)
        #expect(session.session.inFlightCount == 0)
        #expect(await session.call(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)["error"]?["code"] == -32603)
    }

    @Test func manyConcurrentCallsAllAnswered() async {
        let session = TestSession()
        await session.initialize()
        let before = session.sink.all.count
        for index in 0..<200 {
            session.send(#"{"jsonrpc":"2.0","id":\#(index),"method":"tools/call","params":{"name":"test_echo","arguments":{"text":"x"}}}"#)
        }
        let messages = await session.sink.wait(for: before + 200)
        let ids = Set(messages[before...].compactMap { $0["id"]?.integerValue })
        #expect(ids == Set(0..<200))
    }
}
