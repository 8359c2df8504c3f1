import Store
public import Crypto

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

    /// The key vault, opened on first use (it may create the master secret).
    public func keyVault() throws -> KeyVault {
        try services.vault.value {
            try KeyVault(home: home, passphrase: variable("TAK_WALLET_PASSPHRASE"), random: random, kdf: services.keystoreKDF)
        }
    }

    /// The wallet service over this environment.
    public func walletService() throws -> WalletService {
        let environment = self
        return WalletService(store: store, vault: try keyVault(), random: random, clock: clock, fundCap: sandboxFundCap,
                             rpc: { environment.rpcEndpoint(for: $0) })
    }
}

/// Services created on first use and shared by every call of a session.
public final class LazyServices: Sendable {
    /// The key vault.
    let vault = Lazy<KeyVault>()
    /// The KDF for new keystores; nil for the vault's defaults. Tests choose a light one.
    let keystoreKDF: KeystoreKDF?

    /// Services with an optional keystore KDF override.
    public init(keystoreKDF: KeystoreKDF? = nil) { self.keystoreKDF = keystoreKDF }
}

/// A value made once, on first use, by whichever caller gets there first.
final class Lazy<Value: Sendable>: Sendable {
    private let state = Locked<Value?>(nil)

    /// The value, made by `make` if this is the first use; a failure is not cached.
    func value(_ make: () throws -> Value) throws -> Value {
        try state.withLock { state in
            if let value = state { return value }
            let value = try make()
            state = value
            return value
        }
    }
}
