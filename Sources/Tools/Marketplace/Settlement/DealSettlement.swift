public import Store
public import JSON

/// How a deal's money moves: the boundary between the marketplace and a ledger.
///
/// Settlement has two phases so that a deal can never be paid without being marked executed,
/// nor marked executed without being paid, even across crashes and processes:
/// 1. `prepare` does the slow work outside any store lock (find the wallets, unlock the
///    payer's key, sign the authorization) and moves nothing;
/// 2. `settle` runs inside the very store transaction that moves the deal from `approved` to
///    `executed` or `failed`: the transfer and the deal's new state commit together, or neither does.
public protocol DealSettlement: Sendable {
    /// What `prepare` hands to `settle` (a signed authorization, say).
    associatedtype Prepared: Sendable

    /// Gets the payment ready. A refusal (no wallet, wrong network) fails the deal with its
    /// reason; a thrown error (a bug, I/O) leaves the deal approved for a retry.
    func prepare(_ order: SettlementOrder) throws -> Result<Prepared, SettlementRefusal>

    /// Verifies and applies the payment in `transaction`, at Unix time `now`. A refusal
    /// (insufficient balance) must leave the ledger untouched; a thrown error aborts the
    /// transaction.
    func settle(_ prepared: Prepared, order: SettlementOrder, now: Int64, in transaction: Transaction) throws
        -> Result<SettlementReceipt, SettlementRefusal>
}

/// One payment to make for a deal.
public struct SettlementOrder: Sendable, Equatable {
    /// The deal being executed.
    public var dealID: String
    /// Who pays.
    public var payerAgentID: String
    /// Who is paid.
    public var payeeAgentID: String
    /// USDC atomic units (1 USDC = 1,000,000).
    public var amountAtomic: UInt64
    /// The ledger transfer id, `tx_<deal id>`: one deal, at most one transfer.
    public var transferID: String
    /// Unix seconds when the payment is prepared.
    public var now: Int64

    /// The order for `terms`, prepared at `now`.
    public init(terms: DealTerms, now: Int64) {
        dealID = terms.id
        payerAgentID = terms.payerAgentID
        payeeAgentID = terms.payeeAgentID
        amountAtomic = terms.amountAtomic
        transferID = "tx_" + terms.id
        self.now = now
    }
}

/// Proof that the money moved.
public struct SettlementReceipt: Sendable, Equatable {
    /// The ledger transfer id.
    public var transferID: String
    /// The receipt id reported as the deal's `execution_receipt`, e.g. `mcp_receipt_8f3a2c1e9b7d4a2e`.
    public var receiptID: String
    /// The ledger's own receipt (addresses, amount, nonce, time).
    public var details: JSONObject

    /// A receipt from its parts.
    public init(transferID: String, receiptID: String, details: JSONObject) {
        self.transferID = transferID
        self.receiptID = receiptID
        self.details = details
    }
}

/// Why a payment was refused; no money moved.
public struct SettlementRefusal: Error, Sendable, Equatable {
    /// A stable code: `payer_wallet_missing`, `payee_wallet_missing`, `unsupported_network`,
    /// `insufficient_balance`, or a ledger code such as `invalid_signature`.
    public var code: FailureCode
    /// What happened and what to do, for people and models.
    public var message: String

    /// A refusal from its parts.
    public init(code: FailureCode, message: String) {
        self.code = code
        self.message = message
    }

    /// Reads a stored refusal.
    init?(json: JSONValue) {
        guard let code = json["code"]?.stringValue, let message = json["message"]?.stringValue else { return nil }
        self.init(code: FailureCode(code), message: message)
    }

    /// `{code, message}`.
    public var json: JSONObject { ["code": .string(code.rawValue), "message": .string(message)] }
}
