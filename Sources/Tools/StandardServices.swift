import Store
import Payments
import Knowledge
import Runs

/// The composition point: how a session's environment becomes each domain's service. Core's
/// `ToolEnvironment` knows no domain; the domains know Core; only this file (beside the
/// `StandardCatalog` that lists their tools) knows them all and wires them together.
extension ToolEnvironment {
    /// The key vault, opened on first use and shared by the session's calls (it may create the
    /// master secret).
    public func keyVault() throws -> KeyVault {
        try services.value(KeyVault.self) {
            try KeyVault(home: home, passphrase: variable("TAK_WALLET_PASSPHRASE"), random: random, kdf: keystoreKDF)
        }
    }

    /// The wallet service over this environment.
    public func walletService() throws -> WalletService {
        let environment = self
        return WalletService(store: store, vault: try keyVault(), random: random, clock: clock, fundCap: sandboxFundCap,
                             rpc: { environment.rpcEndpoint(for: $0) })
    }

    /// The marketplace of this session: its bound agent, approval mode, and settlement through
    /// the agents' wallets on the sandbox ledger.
    public var marketplace: Marketplace {
        let environment = self
        return Marketplace(store: store, actor: marketplaceActor, approvalMode: dealApprovalMode, clock: clock, random: random,
                           settlement: WalletDealSettlement(wallets: { try environment.walletService() }))
    }

    /// Research runs over the embedded knowledge base, worked on by the task facility, with the
    /// web search provider the environment configures.
    public func runs() throws -> RunsService {
        RunsService(store: store, tasks: try taskManager(), engine: RunEngine(base: .embedded), clock: clock, random: random,
                    web: WebSearchProvider(variable: variable, http: http))
    }
}

extension ToolEnvironment {
    /// Payments over this environment: the policy from the person's settings, the agents'
    /// wallets, the session's HTTP transport.
    public func paymentService() throws -> PaymentService {
        let environment = self
        let policy = Result { () throws(PolicyConfigurationError) in try PaymentPolicyVariables.policy { environment.variable($0) } }
        return PaymentService(store: store, wallets: try walletService(), policy: policy, transport: http, clock: clock, random: random,
                              crashPoint: variable(PaymentCrashPoint.variable).flatMap(PaymentCrashPoint.init(rawValue:)))
    }
}
