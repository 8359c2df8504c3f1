import TakTestSupport
import Foundation
import Testing
import JSON
import HTTP

/// The venv python named by TAK_INTEROP_PYTHON, when it is an executable file.
enum PaymentInteropPython {
    static let path: String? = ProcessInfo.processInfo.environment["TAK_INTEROP_PYTHON"].flatMap {
        FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil
    }
}

/// The binary pays resource servers built on the official SDKs (scripts/interop_payment_servers.py:
/// the x402 SDK's facilitator and resource server, pympp's evm charge), over loopback. Enabled
/// when TAK_INTEROP_PYTHON names the venv's python (`scripts/make-venv`), as CI sets it.
@Suite(.serialized, .enabled(if: PaymentInteropPython.path != nil, "set TAK_INTEROP_PYTHON to the python of the venv made by scripts/make-venv"))
struct PaymentInteropTests {
    /// A public test key (never funded) and its address.
    static let key = "0xb3cb640beaf6722da4e71a74b68714c707288da2f5359079f97aef129917326a"
    static let payer = "0x7D83266E81964561335A01bab563848f769f366B"

    @Test func theSDKServersAcceptOurX402V1V2AndMPPPayments() async throws {
        let servers = Process()
        servers.executableURL = URL(fileURLWithPath: try #require(PaymentInteropPython.path))
        servers.arguments = [Repository.root + "/scripts/interop_payment_servers.py", Self.payer, "1000000"]
        let input = Pipe(), output = Pipe()
        servers.standardInput = input
        servers.standardOutput = output
        try servers.run()
        defer {
            try? input.fileHandleForWriting.close()
            servers.waitUntilExit()
        }
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let url = try #require(try JSONValue.parse(Array(line))["url"]?.stringValue)
        let home = NSTemporaryDirectory() + "tak-interop-pay-\(UUID().uuidString)"
        let session = try PaymentSession(home: home, environment: ["AGENT_KEY": Self.key])
        defer { session.close() }
        _ = try session.call("wallet_register", ["agent_id": "ag_i", "company_id": "co", "private_key_env": "AGENT_KEY", "network": "base-sepolia"])
        for (path, key, protocolName, expected) in [("/v1/joke", "v1", "x402", "x402-v1"), ("/v2/joke", "v2", "x402", "x402-v2"), ("/mpp/joke", "mpp", "mpp", "mpp")] {
            let result = try session.call("make_payment", ["agent_id": "ag_i", "url": .string(url + path), "idempotency_key": .string(key),
                                                           "protocol": .string(protocolName)])
            #expect(result["structuredContent"]?["payment"]?["state"] == "settled", "\(path): \(result)")
            #expect(result["structuredContent"]?["payment"]?["protocol"] == .string(expected))
        }
        let ledger = try JSONValue.parse(try await SocketHTTPTransport().send(HTTPRequest(url: url + "/ledger")).body)
        #expect(ledger["settlements"]?.arrayValue?.count == 3)
        #expect(ledger["balances"]?[Self.payer.lowercased()] == "970000")
    }
}
