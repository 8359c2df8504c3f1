import Foundation
import Store
import Testing
import JSON

/// A `tak-mcp` server on a shared home, called tool by tool.
final class MarketplaceClient {
    /// The process.
    let server: ServerProcess
    /// The next request id.
    private var nextID: Int64 = 1

    /// Starts and initializes a server on `home` with `arguments`.
    init(home: String, arguments: [String] = []) throws {
        server = try ServerProcess(arguments: arguments + ["--home", home])
        _ = try server.initialize()
    }

    /// Sends a `tools/call` and returns its id, without waiting.
    @discardableResult
    func send(_ name: String, _ arguments: JSONValue) -> Int64 {
        defer { nextID += 1 }
        server.send(["jsonrpc": "2.0", "id": .integer(nextID), "method": "tools/call", "params": ["name": .string(name), "arguments": arguments]])
        return nextID
    }

    /// Waits for the result of request `id`, skipping notifications.
    func result(_ id: Int64) throws -> JSONValue {
        while let message = try server.receive() {
            if message["id"] == .integer(id) { return message["result"] ?? message }
        }
        return .null
    }

    /// Calls a tool and returns its result (`structuredContent` and `isError`).
    func call(_ name: String, _ arguments: JSONValue) throws -> JSONValue { try result(send(name, arguments)) }

    /// Calls a tool that must succeed and returns its structured content.
    @discardableResult
    func ok(_ name: String, _ arguments: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        let result = try call(name, arguments)
        #expect(result["isError"] == nil, "\(name): \(result.jsonText)", sourceLocation: sourceLocation)
        return result["structuredContent"] ?? .null
    }

    /// Stops the server (end of input) and checks it exited cleanly.
    func stop() {
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }
}

/// The marketplace through real processes sharing one home: bound sessions, a person's approval
/// from the terminal, restarts in the middle of a deal, races between processes, a damaged store.
@Suite(.serialized) struct MarketplaceBinaryTests {
    /// A fresh home folder.
    static func newHome() -> String { NSTemporaryDirectory() + "tak-market-e2e-\(UUID().uuidString)" }

    /// Agents buyer and seller with wallets, the buyer funded with 10 USDC, made by an operator session.
    static func setUp(home: String) throws -> (buyer: String, seller: String, rival: String) {
        let admin = try MarketplaceClient(home: home)
        defer { admin.stop() }
        var ids: [String] = []
        for name in ["Buyer", "Seller", "Rival"] {
            let id = try #require(try admin.ok("agent_create", ["name": .string(name), "capabilities": []])["id"]?.stringValue)
            try admin.ok("wallet_create", ["agent_id": .string(id), "company_id": "co"])
            ids.append(id)
        }
        try admin.ok("wallet_fund", ["agent_id": .string(ids[0]), "amount": "10"])
        return (ids[0], ids[1], ids[2])
    }

    @Test func boundProcessesAndAPersonsApprovalFromTheTerminal() throws {
        let home = Self.newHome()
        let agents = try Self.setUp(home: home)
        let buyer = try MarketplaceClient(home: home, arguments: ["--agent", agents.buyer, "--deal-approval", "human"])
        let seller = try MarketplaceClient(home: home, arguments: ["--agent", agents.seller, "--deal-approval", "human"])
        defer { buyer.stop(); seller.stop() }

        let request = try #require(try buyer.ok("request_create", ["requester_agent_id": .string(agents.buyer), "service_query": "q",
                                                                   "max_price_nano": 2_000_000_000])["id"])
        #expect(try seller.call("request_create", ["requester_agent_id": .string(agents.buyer), "service_query": "q",
                                                   "max_price_nano": 1_000])["structuredContent"]?["error"] == "permission_denied")
        let offer = try #require(try seller.ok("offer_submit", ["request_id": request, "provider_agent_id": .string(agents.seller),
                                                                "price_nano": 1_500_000_000, "terms": "t"])["id"])
        #expect(try seller.call("offer_respond", ["offer_id": offer, "status": "accepted"])["structuredContent"]?["error"] == "permission_denied")
        try buyer.ok("offer_respond", ["offer_id": offer, "status": "accepted"])
        let deal = try #require(try buyer.ok("deal_create", ["request_id": request, "offer_id": offer])["id"]?.stringValue)
        let refused = try buyer.call("deal_approve", ["deal_id": .string(deal)])
        #expect(refused["structuredContent"]?["details"]?["command"] == .string("tak-mcp deals approve \(deal)"))

        let declined = try ServerProcess(arguments: ["deals", "approve", deal, "--home", home])
        declined.send("no")
        declined.closeInput()
        #expect(declined.waitForExit() == 1)
        #expect(try buyer.ok("deal_get", ["deal_id": .string(deal)])["status"] == "awaiting_approval")

        let person = try ServerProcess(arguments: ["deals", "approve", deal, "--home", home])
        person.send("yes")
        person.closeInput()
        #expect(person.waitForExit() == 0)
        let printed = String(decoding: person.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("1.50 USDC") && printed.contains("Approved deal \(deal)"))

        #expect(try seller.call("deal_execute", ["deal_id": .string(deal), "idempotency_key": "x"])["structuredContent"]?["error"] == "permission_denied")
        let executed = try buyer.ok("deal_execute", ["deal_id": .string(deal), "idempotency_key": "x"])
        #expect(executed["status"] == "executed")
        #expect(executed["history"]?.arrayValue?.compactMap { $0["by"]?.stringValue } == [agents.buyer, "person", agents.buyer])
        #expect(try seller.ok("wallet_balance", ["agent_id": .string(agents.seller)])["balance"] == "1.50")
    }

    @Test func restartInTheMiddleOfADealKeepsStateKeysAndBalances() throws {
        let home = Self.newHome()
        let agents = try Self.setUp(home: home)
        let first = try MarketplaceClient(home: home)
        let request = try #require(try first.ok("request_create", ["requester_agent_id": .string(agents.buyer), "service_query": "q",
                                                                   "max_price_nano": 2_000_000_000])["id"])
        let offer = try #require(try first.ok("offer_submit", ["request_id": request, "provider_agent_id": .string(agents.seller),
                                                               "price_nano": 2_000_000_000, "terms": "t"])["id"])
        try first.ok("offer_respond", ["offer_id": offer, "status": "accepted"])
        let create: JSONValue = ["request_id": request, "offer_id": offer, "idempotency_key": "deal-1"]
        let created = try first.ok("deal_create", create)
        try first.ok("deal_approve", ["deal_id": created["id"]!])
        first.stop()

        let second = try MarketplaceClient(home: home)
        #expect(try second.ok("deal_create", create) == created, "the idempotency record survived the restart")
        #expect(try second.ok("deal_get", ["deal_id": created["id"]!])["status"] == "approved")
        let executed = try second.ok("deal_execute", ["deal_id": created["id"]!, "idempotency_key": "exec"])
        #expect(executed["status"] == "executed")
        second.stop()

        let third = try MarketplaceClient(home: home)
        defer { third.stop() }
        #expect(try third.ok("deal_execute", ["deal_id": created["id"]!, "idempotency_key": "exec"]) == executed)
        #expect(try third.ok("wallet_balance", ["agent_id": .string(agents.buyer)])["balance"] == "8.00")
        #expect(try third.ok("wallet_balance", ["agent_id": .string(agents.seller)])["balance"] == "2.00")
    }

    @Test func twoProcessesRaceToAcceptAndToExecute() throws {
        let home = Self.newHome()
        let agents = try Self.setUp(home: home)
        let one = try MarketplaceClient(home: home)
        let two = try MarketplaceClient(home: home)
        defer { one.stop(); two.stop() }
        var paid = 0
        for round in 0..<4 {
            let request = try #require(try one.ok("request_create", ["requester_agent_id": .string(agents.buyer), "service_query": .string("q\(round)"),
                                                                     "max_price_nano": 1_000_000_000])["id"])
            let offerA = try #require(try one.ok("offer_submit", ["request_id": request, "provider_agent_id": .string(agents.seller),
                                                                  "price_nano": 1_000_000_000, "terms": "a"])["id"])
            let offerB = try #require(try two.ok("offer_submit", ["request_id": request, "provider_agent_id": .string(agents.rival),
                                                                  "price_nano": 1_000_000_000, "terms": "b"])["id"])
            let idA = one.send("offer_respond", ["offer_id": offerA, "status": "accepted"])
            let idB = two.send("offer_respond", ["offer_id": offerB, "status": "accepted"])
            let accepts = [try one.result(idA), try two.result(idB)]
            #expect(accepts.filter { $0["isError"] == nil }.count == 1, "exactly one accept wins")
            #expect(accepts.contains { $0["structuredContent"]?["error"] == "invalid_state_transition" })
            let winner = accepts[0]["isError"] == nil ? offerA : offerB
            let deal = try #require(try one.ok("deal_create", ["request_id": request, "offer_id": winner])["id"])
            try two.ok("deal_approve", ["deal_id": deal])
            let exA = one.send("deal_execute", ["deal_id": deal, "idempotency_key": .string("a\(round)")])
            let exB = two.send("deal_execute", ["deal_id": deal, "idempotency_key": .string("b\(round)")])
            let executes = [try one.result(exA), try two.result(exB)]
            #expect(executes.filter { $0["isError"] == nil }.count == 1, "exactly one execute wins")
            #expect(executes.contains { $0["structuredContent"]?["status"] == "executed" })
            paid += 1
        }
        let buyer = try one.ok("wallet_balance", ["agent_id": .string(agents.buyer)])["balance_atomic"]?.stringValue
        let seller = Int(try two.ok("wallet_balance", ["agent_id": .string(agents.seller)])["balance_atomic"]?.stringValue ?? "") ?? -1
        let rival = Int(try two.ok("wallet_balance", ["agent_id": .string(agents.rival)])["balance_atomic"]?.stringValue ?? "") ?? -1
        #expect(buyer == String(10_000_000 - paid * 1_000_000))
        #expect(seller + rival == paid * 1_000_000, "balances add up: nothing lost, nothing paid twice")
    }

    @Test func aDamagedRecordIsAnInternalError() throws {
        let home = Self.newHome()
        let client = try MarketplaceClient(home: home)
        try client.ok("agent_create", ["name": "A", "capabilities": []])
        client.stop()
        let journal = home + "/store/journal.jsonl"
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        let seq = try #require(try JSONValue.parse(String(lines.last!))["seq"]?.integerValue)
        let damaged = #"{"v":1,"seq":\#(seq + 1),"ops":[{"op":"put","collection":"deals","id":"deal_bad","value":{"id":"deal_bad"}}]}"# + "\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(damaged.utf8))
        try handle.close()

        let again = try MarketplaceClient(home: home)
        defer { again.stop() }
        let result = try again.call("deal_get", ["deal_id": "deal_bad"])
        #expect(result["isError"] == true)
        #expect(result["structuredContent"]?["error"] == "internal_error")
        #expect(result["structuredContent"]?["message"]?.stringValue?.contains("doctor") == true)
    }
}
