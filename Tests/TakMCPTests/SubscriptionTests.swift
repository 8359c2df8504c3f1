import Foundation
import Store
import Testing

/// `resources/subscribe`: a change to a subscribed resource sends `notifications/resources/updated`,
/// also when another process sharing the home made it.
@Suite(.serialized) struct SubscriptionTests {
    @Test func changesByAnotherProcessAreNotified() throws {
        let home = NSTemporaryDirectory() + "tak-sub-\(UUID().uuidString)"
        let watcher = try ServerProcess(arguments: ["--home", home])
        let writer = try ServerProcess(arguments: ["--home", home])
        _ = try watcher.initialize()
        _ = try writer.initialize()
        writer.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"wallet_create","arguments":{"agent_id":"ag_w","company_id":"co"}}}"#)
        #expect(try writer.receive()?["result"]?["isError"] == nil)

        watcher.send(#"{"jsonrpc":"2.0","id":"s","method":"resources/subscribe","params":{"uri":"tak://wallets/ag_w"}}"#)
        #expect(try watcher.receive()?["result"] == [:])
        watcher.send(#"{"jsonrpc":"2.0","id":"bad","method":"resources/subscribe","params":{"uri":"tak://wallets/ag_nobody"}}"#)
        #expect(try watcher.receive()?["error"]?["code"] == -32002)

        writer.send(#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"wallet_fund","arguments":{"agent_id":"ag_w","amount":"3"}}}"#)
        #expect(try writer.receive()?["result"]?["structuredContent"]?["balance"] == "3.00")
        let update = try watcher.receive()
        #expect(update?["method"] == "notifications/resources/updated")
        #expect(update?["params"]?["uri"] == "tak://wallets/ag_w")

        // After unsubscribing, further changes are silent.
        watcher.send(#"{"jsonrpc":"2.0","id":"u","method":"resources/unsubscribe","params":{"uri":"tak://wallets/ag_w"}}"#)
        #expect(try watcher.receive()?["id"] == "u")
        writer.send(#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"wallet_fund","arguments":{"agent_id":"ag_w","amount":"1"}}}"#)
        _ = try writer.receive()
        usleep(600_000)
        watcher.send(#"{"jsonrpc":"2.0","id":"p","method":"ping"}"#)
        #expect(try watcher.receive()?["id"] == "p", "no notification arrived before the ping's answer")
        watcher.closeInput()
        writer.closeInput()
        #expect(watcher.waitForExit() == 0)
        #expect(writer.waitForExit() == 0)
    }
}
