public import Payments

/// The networks a wallet's USDC lives on. Contracts, chain ids and EIP-712 domains come from
/// the payments table (`USDCDeployment`), the one place they are written.
public enum WalletNetwork: String, Sendable, CaseIterable {
    /// A local USDC ledger in the store: works offline, money is not real.
    case sandbox
    /// Base Sepolia testnet (chain 84532).
    case baseSepolia = "base-sepolia"
    /// Base mainnet (chain 8453): real money.
    case base

    /// USDC on this network.
    public var deployment: USDCDeployment {
        switch self {
        case .sandbox: .sandbox
        case .baseSepolia: .baseSepolia
        case .base: .base
        }
    }

    /// The EVM chain id.
    public var chainID: UInt64 { deployment.chainID }

    /// The USDC contract (the EIP-712 `verifyingContract`), EIP-55.
    public var usdcContract: String { deployment.contract.checksummed }

    /// USDC's EIP-712 domain name on this network.
    public var usdcDomainName: String { deployment.domainName }

    /// USDC's EIP-712 domain version.
    public var usdcDomainVersion: String { deployment.domainVersion }

    /// The environment variable holding the JSON-RPC URL, for on-chain networks.
    public var rpcURLVariable: String? {
        switch self {
        case .sandbox: nil
        case .baseSepolia: "TAK_RPC_URL_BASE_SEPOLIA"
        case .base: "TAK_RPC_URL_BASE"
        }
    }

    /// The names, for messages and schemas.
    public static let names = allCases.map(\.rawValue)
}
