import TakTestSupport
import Foundation
import Store
import Testing
@testable import Tools
import JSON
import HTTP

/// Balances on base and base-sepolia come from `eth_call balanceOf` on the configured JSON-RPC
/// node: here a fixture node on 127.0.0.1. A failure is a clear error, never a made-up balance.
@Suite struct OnChainBalanceTests {
    /// A JSON-RPC node that answers eth_call with `balanceHex`, or an error / HTTP status.
    static func node(reply: @escaping @Sendable (JSONValue) -> (status: Int, body: String)) throws -> TestHTTPServer {
        try TestHTTPServer { request, connection in
            let call = request.flatMap { try? JSONValue.parse($0.body) } ?? .null
            let (status, body) = reply(call)
            connection.write("HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        }
    }

    @Test func readsUSDCBalanceWithEthCall() async throws {
        let seen = Locked<[JSONValue]>([])
        let server = try Self.node { call in
            seen.withLock { $0.append(call) }
            let balance = "0x" + String(repeating: "0", count: 56) + "00a037a0" // 10_500_000 = 10.50 USDC
            return (200, #"{"jsonrpc":"2.0","id":\#(call["id"]?.jsonText ?? "1"),"result":"\#(balance)"}"#)
        }
        defer { server.stop() }
        let environment = try makeWalletEnvironment(variables: ["TAK_RPC_URL_BASE_SEPOLIA": server.url], http: SocketHTTPTransport())
        _ = try await callTool("wallet_create", ["agent_id": "ag_chain", "company_id": "co", "network": "base-sepolia"], in: environment)
        let result = try await callTool("wallet_balance", ["agent_id": "ag_chain"], in: environment)
        #expect(!result.isError, "\(result.text)")
        #expect(result.structured["balance"] == "10.50")
        #expect(result.structured["balance_atomic"] == "10500000")
        #expect(result.structured["network"] == "base-sepolia")
        let call = try #require(seen.withLock { $0.first })
        #expect(call["method"] == "eth_call")
        let params = call["params"]?.arrayValue
        #expect(params?[0]["to"] == .string(WalletNetwork.baseSepolia.usdcContract))
        let address = try #require(result.structured["address"]?.stringValue)
        #expect(params?[0]["data"] == .string("0x70a08231000000000000000000000000" + address.dropFirst(2).lowercased()))
        #expect(params?[1] == "latest")
    }

    @Test(arguments: [
        (500, "internal server error"),
        (200, #"{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"execution reverted"}}"#),
        (200, #"{"jsonrpc":"2.0","id":1,"result":"not hex"}"#),
    ])
    func nodeFailuresAreClearErrors(status: Int, body: String) async throws {
        let server = try Self.node { _ in (status, body) }
        defer { server.stop() }
        let environment = try makeWalletEnvironment(variables: ["TAK_RPC_URL_BASE": server.url], http: SocketHTTPTransport())
        _ = try await callTool("wallet_create", ["agent_id": "ag_b", "company_id": "co", "network": "base"], in: environment)
        let result = try await callTool("wallet_balance", ["agent_id": "ag_b"], in: environment)
        #expect(result.isError)
        #expect(result.structured["error"] == "rpc_error")
        #expect(result.structured["balance"] == nil)
    }

    @Test func unreachableNodeIsAClearError() async throws {
        let environment = try makeWalletEnvironment(variables: ["TAK_RPC_URL_BASE": "http://127.0.0.1:1"], http: SocketHTTPTransport())
        _ = try await callTool("wallet_create", ["agent_id": "ag_c", "company_id": "co", "network": "base"], in: environment)
        let result = try await callTool("wallet_balance", ["agent_id": "ag_c"], in: environment)
        #expect(result.isError && result.structured["error"] == "rpc_error")
        #expect(result.text.contains("TAK_RPC_URL_BASE"))
    }
}
