import TakTestSupport
import Foundation
import Testing
import JSON

/// `make_payment` through the real binary against `tak-mcp paywall`: paid in each protocol,
/// refused by each rule, unknown after a dropped connection and settled once by the retry, 409, 429.
@Suite(.serialized) struct PaymentEndToEndTests {
    /// Runs `body` with a funded home, a paywall on it and a session with `arguments`.
    func withPaywall(_ arguments: [String] = [], _ body: (PaymentSession, String) throws -> Void) throws {
        let home = try PaymentHome.make()
        let paywall = try PaywallProcess(home: home)
        defer { paywall.stop() }
        let session = try PaymentSession(home: home, arguments: arguments)
        defer { session.close() }
        try body(session, paywall.url)
    }

    /// make_payment's arguments for `url` with `key`.
    func pay(_ url: String, key: String, extra: JSONObject = [:]) -> JSONValue {
        var arguments: JSONObject = ["agent_id": "ag_pay", "url": .string(url), "idempotency_key": .string(key)]
        for (name, value) in extra { arguments[name] = value }
        return .object(arguments)
    }

    @Test func paysX402V1V2AndMPPAndJournalsEach() throws {
        try withPaywall { session, url in
            for (path, receipt) in [("/x402/v1/joke", "x-payment-response"), ("/x402/v2/joke", "payment-response"), ("/mpp/joke", "payment-receipt")] {
                let result = try session.call("make_payment", pay(url + path, key: path))
                #expect(result["isError"] == nil, "\(result)")
                let content = result["structuredContent"]
                #expect(content?["status"] == 200)
                #expect(content?["paid"] == true)
                #expect(content?["body"]?["joke"]?.stringValue != nil)
                #expect(content?["headers"]?[receipt] != nil)
                #expect(content?["payment"]?["state"] == "settled")
                #expect(content?["payment"]?["amount_atomic"] == "10000")
            }
            #expect(try PaymentHome.balance(session) == "4970000")
            let list = try session.call("payment_list", ["agent_id": "ag_pay", "status": "settled"])
            let payments = try #require(list["structuredContent"]?["payments"]?.arrayValue)
            #expect(payments.count == 3)
            #expect(payments.allSatisfy { $0["credential"] == nil && $0["nonce"] == nil })
            let got = try session.call("payment_get", ["payment_id": payments[0]["payment_id"]!])
            #expect(got["structuredContent"]?["outcome"]?["receipt"] != nil)
            let policy = try session.call("payment_policy", [:])
            #expect(policy["structuredContent"]?["today"]?["settled_atomic"] == "30000")
        }
    }

    @Test func aRetryWithTheSameKeyReturnsTheSamePaymentWithoutPayingAgain() throws {
        try withPaywall { session, url in
            let first = try session.call("make_payment", pay(url + "/x402/v2/joke", key: "same"))
            let second = try session.call("make_payment", pay(url + "/x402/v2/joke", key: "same"))
            #expect(first["structuredContent"]?["payment"]?["payment_id"] == second["structuredContent"]?["payment"]?["payment_id"])
            #expect(try PaymentHome.balance(session) == "4990000")
            let conflict = try session.call("make_payment", pay(url + "/x402/v1/joke", key: "same"))
            #expect(conflict["structuredContent"]?["error"] == "idempotency_conflict")
        }
    }

    @Test func refusesByEachRuleAndSignsNothing() throws {
        let cases: [([String], String, JSONObject, String)] = [
            (["--allow-host", "api.example.com"], "/x402/v2/joke", [:], "host"),
            (["--payment-network", "base-sepolia"], "/x402/v2/joke", [:], "network"),
            ([], "/paid/report", [:], "per_payment_cap"),
            ([], "/x402/v2/joke", ["max_amount": "5000"], "max_amount"),
            ([], "/paid/wrong-domain", [:], "domain"),
            (["--daily-budget", "0.005"], "/mpp/joke", [:], "daily_budget"),
        ]
        for (arguments, path, extra, rule) in cases {
            try withPaywall(arguments) { session, url in
                let result = try session.call("make_payment", pay(url + path, key: "r", extra: extra))
                #expect(result["isError"] == true)
                #expect(result["structuredContent"]?["error"] == "payment_refused", "\(rule): \(result)")
                #expect(result["structuredContent"]?["details"]?["payment"]?["rule"] == .string(rule))
                #expect(try PaymentHome.balance(session) == "5000000")
            }
        }
    }

    @Test func aDroppedConnectionIsUnknownAndItsRetrySettlesOnce() throws {
        try withPaywall { session, url in
            let first = try session.call("make_payment", pay(url + "/paid/flaky", key: "flaky"))
            #expect(first["structuredContent"]?["error"] == "payment_outcome_unknown")
            #expect(first["structuredContent"]?["message"]?.stringValue?.contains("same idempotency_key") == true)
            let id = try #require(first["structuredContent"]?["details"]?["payment"]?["payment_id"])
            #expect(try session.call("payment_get", ["payment_id": id])["structuredContent"]?["state"] == "unknown")
            #expect(try session.call("payment_policy", [:])["structuredContent"]?["today"]?["counted_atomic"] == "10000")
            let retry = try session.call("make_payment", pay(url + "/paid/flaky", key: "flaky"))
            #expect(retry["structuredContent"]?["payment"]?["state"] == "settled", "\(retry)")
            #expect(try PaymentHome.balance(session) == "4990000")
        }
    }

    @Test func aReusedCredentialThatAlreadySettledIsAReplay() throws {
        try withPaywall { session, url in
            #expect(try session.call("make_payment", pay(url + "/paid/flaky-replay", key: "x"))["structuredContent"]?["error"] == "payment_outcome_unknown")
            let retry = try session.call("make_payment", pay(url + "/paid/flaky-replay", key: "x"))
            #expect(retry["structuredContent"]?["error"] == "payment_replayed")
            #expect(try PaymentHome.balance(session) == "4990000")
        }
    }

    @Test func a429IsWaitedOutAndPaidOnce() throws {
        try withPaywall { session, url in
            let result = try session.call("make_payment", pay(url + "/paid/busy", key: "busy"))
            #expect(result["structuredContent"]?["payment"]?["state"] == "settled", "\(result)")
            #expect(try PaymentHome.balance(session) == "4990000")
        }
    }

    @Test func aCreditsWallIsExplainedAndQuotesShowTheOffers() throws {
        try withPaywall { session, url in
            let credits = try session.call("make_payment", pay(url + "/credits", key: "c"))
            #expect(credits["structuredContent"]?["error"] == "not_payable")
            let quote = try session.call("payment_quote", ["agent_id": "ag_pay", "url": .string(url + "/paid/joke")])
            #expect(quote["structuredContent"]?["would_pay"] == true)
            #expect(quote["structuredContent"]?["offers"]?.arrayValue?.count == 2)
            let expensive = try session.call("payment_quote", ["agent_id": "ag_pay", "url": .string(url + "/paid/report")])
            #expect(expensive["structuredContent"]?["rule"] == "per_payment_cap")
            let discovered = try session.call("payment_discover", ["base_url": .string(url)])
            #expect(discovered["structuredContent"]?["found"]?.arrayValue?.count == 2)
            #expect(try PaymentHome.balance(session) == "5000000")
        }
    }

    @Test func aPaymentAboveTheThresholdWaitsForThePersonsCommand() throws {
        try withPaywall(["--approve-above", "0.005"]) { session, url in
            let waiting = try session.call("make_payment", pay(url + "/x402/v2/joke", key: "big"))
            #expect(waiting["structuredContent"]?["error"] == "approval_required")
            let id = try #require(waiting["structuredContent"]?["details"]?["payment"]?["payment_id"]?.stringValue)
            #expect(waiting["structuredContent"]?["details"]?["command"] == .string("tak-mcp payments approve \(id)"))
            #expect(try PaymentHome.balance(session) == "5000000")
            let approve = Process()
            approve.executableURL = URL(fileURLWithPath: Repository.binary)
            approve.arguments = ["payments", "approve", id, "--home", session.home]
            let input = Pipe()
            approve.standardInput = input
            approve.standardOutput = FileHandle.nullDevice
            try approve.run()
            input.fileHandleForWriting.write(Data("yes\n".utf8))
            approve.waitUntilExit()
            #expect(approve.terminationStatus == 0)
            let paid = try session.call("make_payment", pay(url + "/x402/v2/joke", key: "big"))
            #expect(paid["structuredContent"]?["payment"]?["state"] == "settled", "\(paid)")
            #expect(try PaymentHome.balance(session) == "4990000")
        }
    }
}
