public import Store
public import JSON
public import Crypto

/// The sandbox network's USDC ledger, kept in the store. A transfer is authorised exactly as on
/// chain: an EIP-3009 `TransferWithAuthorization` signed by the payer, checked (domain,
/// signature, validity window, unused nonce, balance) and applied atomically.
///
/// A deal settles through `apply`, inside the deal's own transaction; `transfer` verifies and
/// applies one authorization in a transaction of its own.
public struct SandboxLedger: Sendable {
    /// Collection of accounts, keyed by lowercase address: `{address, balance_atomic}`.
    static let accounts = "sandbox_accounts"
    /// Collection of used authorization nonces, keyed by `<from>:<nonce>`.
    static let nonces = "sandbox_nonces"
    /// Collection of applied transfers, keyed by transfer id.
    static let transfers = "sandbox_transfers"

    /// The store holding the ledger.
    public let store: Store

    /// A ledger in `store`.
    public init(store: Store) { self.store = store }

    /// The balance of `address` (0 for an address never seen).
    public func balance(of address: EthereumAddress) throws -> USDCAmount {
        Self.balance(in: try store.get(collection: Self.accounts, id: address.lowercased))
    }

    static func balance(in record: JSONValue?) -> USDCAmount {
        USDCAmount(atomic: UInt64(clamping: record?["balance_atomic"]?.integerValue ?? 0))
    }

    /// Credits test USDC to `address`, refusing to take its balance above `cap`. Returns the new balance.
    public func fund(_ address: EthereumAddress, amount: USDCAmount, cap: USDCAmount) throws -> USDCAmount {
        try store.update { transaction in
            let current = Self.balance(in: transaction.get(collection: Self.accounts, id: address.lowercased))
            let (total, overflow) = current.atomic.addingReportingOverflow(amount.atomic)
            guard !overflow, total <= cap.atomic else {
                throw LedgerRejection.fundingCapExceeded(balance: current, cap: cap)
            }
            let updated = USDCAmount(atomic: total)
            try transaction.put(collection: Self.accounts, id: address.lowercased, value: Self.account(address, updated))
            return updated
        }
    }

    /// Verifies `authorization` and `signature` and moves the money, all in one store
    /// transaction: either every check passes and both balances change, or nothing changes.
    public func transfer(_ authorization: TransferWithAuthorization, signature: EthereumSignature,
                         now: UInt64, transferID: String) throws -> LedgerReceipt {
        try store.update { transaction in
            try Self.apply(authorization, signature: signature, now: now, transferID: transferID, in: transaction).get()
        }
    }

    /// What `transfer` does, inside a transaction the caller owns, so that (for example) a deal's
    /// state and its payment commit together. A rejection is returned and changes nothing.
    static func apply(_ authorization: TransferWithAuthorization, signature: EthereumSignature, now: UInt64,
                      transferID: String, in transaction: Transaction) throws -> Result<LedgerReceipt, LedgerRejection> {
        let nonceKey = "\(authorization.from.lowercased):\(Hex.encode(authorization.nonce))"
        let payer = balance(in: transaction.get(collection: accounts, id: authorization.from.lowercased))
        let checked = check(authorization, signature: signature, now: now, payerBalance: payer,
                            nonceUsed: transaction.contains(collection: nonces, id: nonceKey))
        let amount: USDCAmount
        switch checked {
        case .success(let value): amount = value
        case .failure(let rejection): return .failure(rejection)
        }
        var credited: UInt64 = 0
        if authorization.to != authorization.from {
            let payee = balance(in: transaction.get(collection: accounts, id: authorization.to.lowercased))
            let (sum, overflow) = payee.atomic.addingReportingOverflow(amount.atomic)
            guard !overflow else { return .failure(.amountTooLarge) }
            credited = sum
        }
        try transaction.put(collection: accounts, id: authorization.from.lowercased,
                            value: account(authorization.from, USDCAmount(atomic: payer.atomic - amount.atomic)))
        if authorization.to != authorization.from {
            try transaction.put(collection: accounts, id: authorization.to.lowercased, value: account(authorization.to, USDCAmount(atomic: credited)))
        }
        let receipt = LedgerReceipt(transferID: transferID, from: authorization.from, to: authorization.to, amount: amount,
                                    nonce: Hex.encode(authorization.nonce), appliedAt: now)
        try transaction.put(collection: nonces, id: nonceKey, value: ["transfer_id": .string(transferID), "at": .integer(Int64(now))])
        try transaction.put(collection: transfers, id: transferID, value: receipt.json)
        return .success(receipt)
    }

    /// The stored receipt of transfer `transferID`, if it was applied.
    static func appliedTransfer(_ transferID: String, in transaction: Transaction) -> JSONObject? {
        transaction.get(collection: transfers, id: transferID)?.objectValue
    }

    static func account(_ address: EthereumAddress, _ balance: USDCAmount) -> JSONValue {
        ["address": .string(address.checksummed), "balance_atomic": .integer(Int64(clamping: balance.atomic))]
    }

    /// The domain sandbox authorizations must be signed for.
    public static let domain = WalletNetwork.sandbox.deployment.domain

    /// The checks USDC's `transferWithAuthorization` makes, as a pure function: the amount to
    /// move, or why not. `now` is Unix seconds.
    public static func check(_ authorization: TransferWithAuthorization, signature: EthereumSignature, now: UInt64,
                             payerBalance: USDCAmount, nonceUsed: Bool) -> Result<USDCAmount, LedgerRejection> {
        guard authorization.domain == domain else { return .failure(.wrongDomain) }
        guard authorization.isValidSignatureVartime(signature) else { return .failure(.invalidSignature) }
        guard UInt256(now) > authorization.validAfter else { return .failure(.notYetValid) }
        guard UInt256(now) < authorization.validBefore else { return .failure(.expired) }
        guard !nonceUsed else { return .failure(.nonceAlreadyUsed) }
        guard authorization.value <= UInt256(UInt64.max) else { return .failure(.amountTooLarge) }
        let amount = USDCAmount(atomic: authorization.value.l0)
        guard amount <= payerBalance else { return .failure(.insufficientBalance(balance: payerBalance, needed: amount)) }
        return .success(amount)
    }
}

/// Why the sandbox ledger refused a transfer or a funding.
public enum LedgerRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// Signed for another token or chain.
    case wrongDomain
    /// The signature does not recover to `from` (or is malformed, high-s, or v not 27/28).
    case invalidSignature
    /// `validAfter` is not yet past.
    case notYetValid
    /// `validBefore` has passed.
    case expired
    /// This `from` already used this nonce.
    case nonceAlreadyUsed
    /// The payer has less than the amount.
    case insufficientBalance(balance: USDCAmount, needed: USDCAmount)
    /// More than the ledger can hold.
    case amountTooLarge
    /// Funding would take the balance over the sandbox cap.
    case fundingCapExceeded(balance: USDCAmount, cap: USDCAmount)

    /// A stable code.
    public var code: FailureCode {
        switch self {
        case .wrongDomain: FailureCode("wrong_domain")
        case .invalidSignature: FailureCode("invalid_signature")
        case .notYetValid: FailureCode("authorization_not_yet_valid")
        case .expired: FailureCode("authorization_expired")
        case .nonceAlreadyUsed: FailureCode("nonce_already_used")
        case .insufficientBalance: FailureCode("insufficient_balance")
        case .amountTooLarge: FailureCode("amount_too_large")
        case .fundingCapExceeded: FailureCode("funding_cap_exceeded")
        }
    }

    public var description: String {
        switch self {
        case .wrongDomain: "the authorization is not signed for the sandbox USDC domain"
        case .invalidSignature: "the signature does not recover to the payer's address"
        case .notYetValid: "the authorization is not valid yet (validAfter is in the future)"
        case .expired: "the authorization has expired (validBefore has passed)"
        case .nonceAlreadyUsed: "this authorization nonce was already used"
        case .insufficientBalance(let balance, let needed): "insufficient balance: \(balance.decimalString) USDC available, \(needed.decimalString) USDC needed"
        case .amountTooLarge: "the amount is larger than the sandbox ledger can hold"
        case .fundingCapExceeded(let balance, let cap): "funding would take the balance above the sandbox cap of \(cap.decimalString) USDC (balance now \(balance.decimalString) USDC)"
        }
    }
}

/// What an applied sandbox transfer did.
public struct LedgerReceipt: Sendable, Equatable {
    /// The transfer id.
    public var transferID: String
    /// The payer.
    public var from: EthereumAddress
    /// The payee.
    public var to: EthereumAddress
    /// The amount moved.
    public var amount: USDCAmount
    /// The authorization nonce (hex).
    public var nonce: String
    /// When it was applied (Unix seconds).
    public var appliedAt: UInt64

    /// The receipt as JSON.
    public var json: JSONValue {
        ["transfer_id": .string(transferID), "network": "sandbox", "from": .string(from.checksummed), "to": .string(to.checksummed),
         "amount_atomic": .string(String(amount.atomic)), "amount": .string(amount.decimalString), "nonce": .string(nonce),
         "applied_at": .string(RFC3339.format(secondsSince1970: Int64(clamping: appliedAt)))]
    }
}
