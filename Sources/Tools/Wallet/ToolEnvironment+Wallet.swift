import Store
import Crypto

extension ToolEnvironment {
    /// The most test USDC one sandbox wallet may hold through `wallet_fund`
    /// (`TAK_SANDBOX_FUND_CAP`, decimal USDC; default 10000).
    public var sandboxFundCap: USDCAmount {
        variable("TAK_SANDBOX_FUND_CAP").flatMap(USDCAmount.init(decimal:)) ?? USDCAmount(atomic: 10_000 * USDCAmount.unit)
    }

    /// The JSON-RPC endpoint of an on-chain network, from `TAK_RPC_URL_BASE` /
    /// `TAK_RPC_URL_BASE_SEPOLIA`; nil when unset.
    public func rpcEndpoint(for network: WalletNetwork) -> RPCEndpoint? {
        guard let name = network.rpcURLVariable, let url = variable(name), !url.isEmpty else { return nil }
        return RPCEndpoint(url: url, transport: http)
    }
}
