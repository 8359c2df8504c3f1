import TakTestSupport
import Foundation
import Testing
import JSON

/// The daily budget holds across concurrent calls and processes, and a kill -9 at any point of
/// a payment leaves a journal and a budget a restart can trust.
@Suite(.serialized) struct PaymentConcurrencyTests {
    @Test func twentyParallelPaymentsFromTwoProcessesAgainstABudgetForTenPayExactlyTen() throws {
        let home = try PaymentHome.make()
        let paywall = try PaywallProcess(home: home)
        defer { paywall.stop() }
        let sessions = try (0..<2).map { _ in try PaymentSession(home: home, arguments: ["--daily-budget", "0.10"]) }
        var sent: [(PaymentSession, Int64)] = []
        for index in 0..<20 {
            let session = sessions[index % 2]
            let id = session.send("make_payment", ["agent_id": "ag_pay", "url": .string(paywall.url + "/x402/v2/joke"),
                                                   "idempotency_key": .string("parallel-\(index)")])
            sent.append((session, id))
        }
        var results: [JSONValue] = []
        for session in sessions {
            let ids = sent.filter { $0.0 === session }.map(\.1)
            results += try session.results(ids).values
        }
        #expect(results.count == 20)
        let paid = results.filter { $0["structuredContent"]?["payment"]?["state"] == "settled" }
        let refused = results.filter { $0["structuredContent"]?["details"]?["payment"]?["rule"] == "daily_budget" }
        #expect(paid.count == 10)
        #expect(refused.count == 10)
        #expect(try PaymentHome.balance(sessions[0]) == "4900000")
        #expect(try sessions[1].call("payment_policy", [:])["structuredContent"]?["today"]?["remaining_atomic"] == "0")
        sessions.forEach { $0.close() }
    }

    /// Pays once with the process set to die at `point`, then restarts and retries the same key.
    func crash(at point: String, path: String = "/x402/v2/joke") throws -> (before: JSONValue?, retry: JSONValue, balance: String?, policy: JSONValue?) {
        let home = try PaymentHome.make()
        let paywall = try PaywallProcess(home: home)
        defer { paywall.stop() }
        let arguments: JSONValue = ["agent_id": "ag_pay", "url": .string(paywall.url + path), "idempotency_key": "crash"]
        let doomed = try PaymentSession(home: home, environment: ["TAK_TEST_PAYMENT_CRASH": point])
        doomed.send("make_payment", arguments)
        #expect(doomed.close() != 0, "the process died at \(point)")
        let session = try PaymentSession(home: home)
        defer { session.close() }
        let before = try session.call("payment_list", [:])["structuredContent"]?["payments"]?.arrayValue?.first
        let retry = try session.call("make_payment", arguments)
        return (before, retry, try PaymentHome.balance(session), try session.call("payment_policy", [:])["structuredContent"]?["today"])
    }

    @Test func aCrashBeforeSigningLeavesNothingSignedAndTheRetryPaysOnce() throws {
        let (before, retry, balance, today) = try crash(at: "before_signing")
        #expect(before?["state"] == "pending")
        #expect(retry["structuredContent"]?["payment"]?["state"] == "settled")
        #expect(balance == "4990000")
        #expect(today?["counted_atomic"] == "10000")
    }

    @Test func aCrashAfterSigningIsUnknownAndTheRetrySendsTheSameAuthorizationOnce() throws {
        let (before, retry, balance, today) = try crash(at: "after_signing")
        #expect(before?["state"] == "unknown")
        #expect(before?["credential"] == nil)
        #expect(retry["structuredContent"]?["payment"]?["state"] == "settled", "\(retry)")
        #expect(balance == "4990000")
        #expect(today?["counted_atomic"] == "10000")
    }

    @Test func aCrashAfterTheResponseNeverShowsLessSpentThanSettled() throws {
        let (before, retry, balance, today) = try crash(at: "after_response")
        #expect(before?["state"] == "unknown")
        #expect(balance == "4990000", "settled once before the crash")
        #expect(today?["counted_atomic"] == "10000")
        // The paywall remembers the Idempotency-Key: the same authorization gets the stored answer.
        #expect(retry["structuredContent"]?["payment"]?["state"] == "settled", "\(retry)")
    }

    @Test func aCrashAfterAnMPPResponseIsResolvedByTheSameCredential() throws {
        let (before, retry, balance, today) = try crash(at: "after_response", path: "/mpp/joke")
        #expect(before?["state"] == "unknown")
        #expect(retry["structuredContent"]?["payment"]?["state"] == "settled", "\(retry)")
        #expect(balance == "4990000")
        #expect(today?["counted_atomic"] == "10000")
    }
}
