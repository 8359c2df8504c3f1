/// The networks a wallet's USDC lives on.
public enum WalletNetwork: String, Sendable, CaseIterable {
    /// A local USDC ledger in the store: works offline, money is not real.
    case sandbox
    /// Base Sepolia testnet (chain 84532).
    case baseSepolia = "base-sepolia"
    /// Base mainnet (chain 8453): real money.
    case base

    /// The EVM chain id.
    public var chainID: UInt64 {
        switch self {
        case .sandbox: 31_337
        case .baseSepolia: 84_532
        case .base: 8_453
        }
    }

    /// The USDC contract (the EIP-712 `verifyingContract`).
    public var usdcContract: String {
        switch self {
        case .sandbox: "0x0000000000000000000000000000000000007a6b"
        case .baseSepolia: "0x036CbD53842c5426634e7929541eC2318f3dCF7e"
        case .base: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"
        }
    }

    /// USDC's EIP-712 domain name on this network.
    public var usdcDomainName: String {
        switch self {
        case .sandbox: "Tak Sandbox USDC"
        case .baseSepolia: "USDC"
        case .base: "USD Coin"
        }
    }

    /// USDC's EIP-712 domain version.
    public var usdcDomainVersion: String { "2" }

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
