public import Crypto

/// USDC on one network, from our own table: the contract and the EIP-712 domain it verifies
/// signatures under. A server's 402 may name an asset and a domain; we sign only for the ones
/// here, so a hostile `extra.name` can never make us sign for another token.
public struct USDCDeployment: Sendable, Equatable {
    /// Our name for the network (`base`, `base-sepolia`, `sandbox`), also x402 v1's.
    public var network: String
    /// The CAIP-2 id x402 v2 uses (`eip155:8453`).
    public var caip2: String
    /// The EVM chain id.
    public var chainID: UInt64
    /// The USDC contract (`asset`, EIP-712 `verifyingContract`).
    public var contract: EthereumAddress
    /// The EIP-712 domain name.
    public var domainName: String
    /// The EIP-712 domain version.
    public var domainVersion: String
    /// Whether money on it is real.
    public var isMainnet: Bool

    /// The EIP-712 domain of this token.
    public var domain: TransferWithAuthorization.Domain {
        TransferWithAuthorization.Domain(name: domainName, version: domainVersion, chainId: UInt256(chainID), verifyingContract: contract)
    }

    /// Base mainnet USDC: real money.
    public static let base = USDCDeployment(
        network: "base", caip2: "eip155:8453", chainID: 8453,
        contract: try! EthereumAddress("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"),
        domainName: "USD Coin", domainVersion: "2", isMainnet: true)

    /// Base Sepolia testnet USDC.
    public static let baseSepolia = USDCDeployment(
        network: "base-sepolia", caip2: "eip155:84532", chainID: 84532,
        contract: try! EthereumAddress("0x036CbD53842c5426634e7929541eC2318f3dCF7e"),
        domainName: "USDC", domainVersion: "2", isMainnet: false)

    /// The offline sandbox ledger kept in the local store (chain id 31337, as a local dev chain).
    public static let sandbox = USDCDeployment(
        network: "sandbox", caip2: "eip155:31337", chainID: 31337,
        contract: try! EthereumAddress("0x0000000000000000000000000000000000007a6b"),
        domainName: "Tak Sandbox USDC", domainVersion: "2", isMainnet: false)

    /// Every deployment we pay on.
    public static let all: [USDCDeployment] = [.sandbox, .baseSepolia, .base]

    /// Our network names, for messages.
    public static let networkNames = all.map(\.network)

    /// The deployment for an x402 network, given as our name (v1) or CAIP-2 (v2).
    public static func forX402Network(_ name: String) -> USDCDeployment? {
        all.first { $0.network == name || $0.caip2 == name }
    }

    /// The deployment on chain `chainID`.
    public static func forChain(_ chainID: UInt64) -> USDCDeployment? {
        all.first { $0.chainID == chainID }
    }

    /// The deployment called `network` (our name).
    public static func named(_ network: String) -> USDCDeployment? {
        all.first { $0.network == network }
    }
}
