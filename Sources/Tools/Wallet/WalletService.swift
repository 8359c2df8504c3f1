public import Store
public import JSON
public import Crypto

/// One agent's wallet as stored (never the key): collection `wallets`, keyed by agent id.
public struct WalletRecord: Sendable, Equatable {
    /// The agent that owns it.
    public var agentID: String
    /// The agent's company.
    public var companyID: String
    /// The address.
    public var address: EthereumAddress
    /// The network it is used on by default.
    public var network: WalletNetwork
    /// `created` here or `imported`.
    public var source: String
    /// When it was created or imported (RFC 3339).
    public var createdAt: String

    /// The stored and returned JSON (snake_case, as the tools answer).
    public var json: JSONObject {
        ["agent_id": .string(agentID), "company_id": .string(companyID), "address": .string(address.checksummed),
         "network": .string(network.rawValue), "source": .string(source), "created_at": .string(createdAt)]
    }

    /// Reads a stored record.
    public init?(json: JSONValue) {
        guard let agentID = json["agent_id"]?.stringValue, let companyID = json["company_id"]?.stringValue,
              let addressText = json["address"]?.stringValue, let address = try? EthereumAddress(addressText),
              let network = json["network"]?.stringValue.flatMap(WalletNetwork.init(rawValue:)) else { return nil }
        self.init(agentID: agentID, companyID: companyID, address: address, network: network,
                  source: json["source"]?.stringValue ?? "created", createdAt: json["created_at"]?.stringValue ?? "")
    }

    /// A record from its parts.
    public init(agentID: String, companyID: String, address: EthereumAddress, network: WalletNetwork, source: String, createdAt: String) {
        self.agentID = agentID
        self.companyID = companyID
        self.address = address
        self.network = network
        self.source = source
        self.createdAt = createdAt
    }
}

/// A USDC balance as the wallet tools report it.
public struct WalletBalance: Sendable, Equatable {
    /// The wallet.
    public var record: WalletRecord
    /// The network it was read on.
    public var network: WalletNetwork
    /// The amount.
    public var amount: USDCAmount

    /// `{agent_id, address, network, asset, balance, balance_atomic}`.
    public var json: JSONObject {
        ["agent_id": .string(record.agentID), "address": .string(record.address.checksummed), "network": .string(network.rawValue),
         "asset": "USDC", "balance": .string(amount.decimalString), "balance_atomic": .string(String(amount.atomic))]
    }
}

/// Wallets: creation, import, lookup, balances, sandbox funding and payments. The tools are thin
/// shells over this.
public struct WalletService: Sendable {
    /// The store collection of wallet records.
    public static let collection = "wallets"

    let store: Store
    let vault: KeyVault
    let random: RandomBytes
    let clock: WallClock
    let fundCap: USDCAmount
    let rpc: @Sendable (WalletNetwork) -> RPCEndpoint?

    /// A service over these dependencies; `rpc` gives the JSON-RPC endpoint of an on-chain network (nil: not configured).
    public init(store: Store, vault: KeyVault, random: RandomBytes, clock: WallClock, fundCap: USDCAmount,
                rpc: @escaping @Sendable (WalletNetwork) -> RPCEndpoint?) {
        self.store = store
        self.vault = vault
        self.random = random
        self.clock = clock
        self.fundCap = fundCap
        self.rpc = rpc
    }

    /// The sandbox ledger.
    public var ledger: SandboxLedger { SandboxLedger(store: store) }

    var nowSeconds: Int64 { Int64(clock.now().timeIntervalSince1970.rounded(.down)) }

    /// Creates a new key for `agentID`. One wallet per agent: a second create names the existing address.
    public func create(agentID: String, companyID: String, network: WalletNetwork) throws -> WalletRecord {
        if let existing = try find(agentID) {
            throw WalletError(code: .conflict, message: "agent \(agentID) already has the wallet \(existing.address.checksummed); use wallet_get, or another agent_id", field: "agent_id")
        }
        let key: EthereumPrivateKey
        do { key = try EthereumPrivateKey.generate(using: random) } catch {
            throw WalletError(code: .internalError, message: "the system random source failed: \(error)")
        }
        return try add(key, agentID: agentID, companyID: companyID, network: network, source: "created")
    }

    /// Registers an existing key for `agentID`.
    public func register(_ key: EthereumPrivateKey, agentID: String, companyID: String, network: WalletNetwork) throws -> WalletRecord {
        if let existing = try find(agentID) {
            throw WalletError(code: .conflict, message: "agent \(agentID) already has the wallet \(existing.address.checksummed); one wallet per agent", field: "agent_id")
        }
        return try add(key, agentID: agentID, companyID: companyID, network: network, source: "imported")
    }

    private func add(_ key: EthereumPrivateKey, agentID: String, companyID: String, network: WalletNetwork, source: String) throws -> WalletRecord {
        let record = WalletRecord(agentID: agentID, companyID: companyID, address: key.address, network: network, source: source,
                                  createdAt: RFC3339.format(secondsSince1970: nowSeconds))
        let path = vault.path(for: key.address)
        let existed = (try? AtomicFile.read(path, limit: 1 << 20)) != nil
        if !existed { try vault.save(key) }
        do {
            try store.update { transaction in
                if let raw = transaction.get(collection: Self.collection, id: agentID), let other = WalletRecord(json: raw) {
                    throw WalletError(code: .conflict, message: "agent \(agentID) already has the wallet \(other.address.checksummed); one wallet per agent", field: "agent_id")
                }
                for stored in transaction.records(in: Self.collection) where stored.value["address"]?.stringValue == key.address.checksummed {
                    throw WalletError(code: .conflict, message: "the address \(key.address.checksummed) is already the wallet of agent \(stored.id)", field: "agent_id")
                }
                try transaction.put(collection: Self.collection, id: agentID, value: .object(record.json))
            }
        } catch {
            // Another process won the race, or the store refused: leave no orphan keystore behind.
            if !existed { unlink(path) }
            throw error
        }
        return record
    }

    /// The wallet of `agentID`, or nil.
    public func find(_ agentID: String) throws -> WalletRecord? {
        try store.get(collection: Self.collection, id: agentID).flatMap(WalletRecord.init(json:))
    }

    /// The wallet of `agentID`, or a not-found error that says what to do.
    public func get(_ agentID: String) throws -> WalletRecord {
        guard let record = try find(agentID) else {
            throw WalletError(code: .notFound, message: "agent \(agentID) has no wallet; create one with wallet_create or import one with wallet_register", field: "agent_id")
        }
        return record
    }

    /// Wallets in creation order, optionally of one company, a page at a time.
    public func list(companyID: String?, after cursor: String?, limit: Int) throws -> (wallets: [WalletRecord], next: String?) {
        let badCursor = { (cursor: String) -> any Error in
            WalletError(code: .invalidRequest, message: "unknown cursor \(cursor); pass the next_cursor of the previous page", field: "cursor")
        }
        // A record that does not decode is skipped, as it always was for wallets.
        let page = try store.page(of: Self.collection, after: cursor, limit: limit, badCursor: badCursor) { stored -> WalletRecord? in
            guard let record = WalletRecord(json: stored.value), companyID == nil || record.companyID == companyID else { return nil }
            return record
        }
        return (page.items, page.next)
    }

    /// The USDC balance of `agentID`'s wallet on `network` (default: the wallet's own).
    public func balance(_ agentID: String, network requested: WalletNetwork?) async throws -> WalletBalance {
        try await balance(of: try get(agentID), network: requested)
    }

    /// The USDC balance of the wallet `record` on `network` (default: the wallet's own).
    public func balance(of record: WalletRecord, network requested: WalletNetwork?) async throws -> WalletBalance {
        let network = requested ?? record.network
        switch network {
        case .sandbox:
            return WalletBalance(record: record, network: network, amount: try ledger.balance(of: record.address))
        case .base, .baseSepolia:
            guard let endpoint = rpc(network) else {
                throw WalletError(code: .notConfigured, message: "no JSON-RPC URL for \(network.rawValue): set \(network.rpcURLVariable ?? "") to an EVM node's URL and restart", field: "network")
            }
            let amount = try await USDCBalanceReader.balance(of: record.address, network: network, endpoint: endpoint)
            return WalletBalance(record: record, network: network, amount: amount)
        }
    }

    /// Credits sandbox USDC to `agentID`'s wallet, up to the cap; refused for a wallet on a real
    /// network, which is funded on chain.
    public func fund(_ agentID: String, amount: USDCAmount) throws -> WalletBalance {
        let record = try get(agentID)
        guard record.network == .sandbox else {
            throw WalletError(code: .invalidRequest, message: "wallet_fund only credits sandbox test USDC; \(record.address.checksummed) is a \(record.network.rawValue) wallet: send real USDC to it on chain", field: "agent_id")
        }
        guard amount.atomic > 0 else { throw WalletError(code: .invalidRequest, message: "the amount must be more than 0", field: "amount") }
        do {
            let balance = try ledger.fund(record.address, amount: amount, cap: fundCap)
            return WalletBalance(record: record, network: .sandbox, amount: balance)
        } catch let rejection as LedgerRejection {
            throw WalletError(code: rejection.code, message: "\(rejection); fund a smaller amount", field: "amount")
        }
    }
}
