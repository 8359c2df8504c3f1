import Store
import JSON
public import Crypto
public import HTTP

/// Where an on-chain network's JSON-RPC node is.
public struct RPCEndpoint: Sendable {
    /// The URL (http or https).
    public var url: String
    /// How requests reach it.
    public var transport: any HTTPTransport

    /// An endpoint.
    public init(url: String, transport: any HTTPTransport) {
        self.url = url
        self.transport = transport
    }
}

/// Reads a USDC balance on chain with `eth_call` of `balanceOf(address)`.
public enum USDCBalanceReader {
    /// The `balanceOf(address)` call data for `address`.
    public static func callData(for address: EthereumAddress) -> String {
        "0x70a08231" + String(repeating: "0", count: 24) + address.lowercased.dropFirst(2)
    }

    /// The balance of `address` on `network`; a node failure is an `rpc_error`, never a made-up balance.
    public static func balance(of address: EthereumAddress, network: WalletNetwork, endpoint: RPCEndpoint) async throws -> USDCAmount {
        let client = JSONRPCClient(url: endpoint.url, transport: endpoint.transport)
        let result: JSONValue
        do {
            result = try await client.call(method: "eth_call", params: [
                ["to": .string(network.usdcContract), "data": .string(callData(for: address))], "latest",
            ])
        } catch {
            throw WalletError(code: .rpcError, message: "the \(network.rawValue) node did not answer the balance query: \(error); check \(network.rpcURLVariable ?? "the RPC URL")")
        }
        guard let hex = result.stringValue, let value = UInt256(hexString: hex) else {
            throw WalletError(code: .rpcError, message: "the \(network.rawValue) node answered eth_call with \(result.jsonText), not a 32-byte hex number")
        }
        guard value <= UInt256(UInt64.max) else {
            throw WalletError(code: .rpcError, message: "the \(network.rawValue) node reported an impossible USDC balance \(value.decimalString)")
        }
        return USDCAmount(atomic: value.l0)
    }
}
