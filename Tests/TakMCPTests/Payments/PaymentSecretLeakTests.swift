import TakTestSupport
import Foundation
import Store
import Testing
import JSON

/// No signed payment credential (X-PAYMENT, PAYMENT-SIGNATURE, Authorization: Payment) and no
/// key ever reaches stdout, stderr or a tool result, through every payment path with debug logs.
/// The journal keeps each credential so a retry can re-send it; that copy never leaves the store.
@Suite(.serialized) struct PaymentSecretLeakTests {
    @Test func paymentsLeakNoCredentialAndNoKey() throws {
        let home = NSTemporaryDirectory() + "tak-leak-pay-\(UUID().uuidString)"
        let paywall = try PaywallProcess(home: home)
        defer { paywall.stop() }
        let pay = { (path: String, key: String) -> JSONValue in
            SecretLeakTests.toolCall("make_payment", ["agent_id": "ag_env", "url": .string(paywall.url + path), "idempotency_key": .string(key)])
        }
        let calls: [JSONValue] = [
            SecretLeakTests.toolCall("wallet_register", ["agent_id": "ag_env", "company_id": "co", "private_key_env": "AGENT_KEY"]),
            SecretLeakTests.toolCall("wallet_fund", ["agent_id": "ag_env", "amount": "5"]),
            pay("/x402/v1/joke", "a"), pay("/x402/v2/joke", "b"), pay("/mpp/joke", "c"),
            pay("/paid/flaky", "d"), pay("/paid/flaky", "d"), pay("/paid/flaky-replay", "e"), pay("/paid/flaky-replay", "e"),
            pay("/paid/busy", "f"), pay("/paid/report", "g"),
            SecretLeakTests.toolCall("payment_list", [:]),
            SecretLeakTests.toolCall("payment_quote", ["agent_id": "ag_env", "url": .string(paywall.url + "/paid/joke")]),
        ]
        let output = try SecretLeakTests.session(home: home, environment: ["AGENT_KEY": SecretLeakTests.key], calls: calls)
        #expect(output.contains("\"state\":\"settled\""), "the session did pay")
        let store = try Store(home: home + "/store")
        let credentials = try store.records(in: "payments").compactMap { $0.value["credential"]?["value"]?.stringValue }
        #expect(credentials.count >= 6)
        var secrets = SecretLeakTests.spellings(SecretLeakTests.key)
        for credential in credentials {
            let encoded = credential.hasPrefix("Payment ") ? String(credential.dropFirst(8)) : credential
            secrets.append(String(encoded.prefix(48)))
            secrets.append(String(encoded.suffix(48)))
            if let decoded = Data(base64Encoded: encoded.padded) ?? Data(base64Encoded: encoded.base64URLToStandard.padded),
               let signature = (try? JSONValue.parse(Array(decoded))).flatMap({ $0["payload"]?["signature"]?.stringValue }) {
                secrets.append(String(signature.dropFirst(2).prefix(64)))
            }
        }
        for secret in secrets {
            #expect(!output.contains(secret), "a credential or key leaked: \(secret.prefix(6))…")
        }
        let storeText = try SecretLeakTests.storeText(home)
        for secret in SecretLeakTests.spellings(SecretLeakTests.key) { #expect(!storeText.contains(secret)) }
    }
}

extension String {
    /// With `=` padding to a multiple of four.
    var padded: String { self + String(repeating: "=", count: (4 - count % 4) % 4) }
    /// URL-safe base64 turned standard.
    var base64URLToStandard: String { replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") }
}
