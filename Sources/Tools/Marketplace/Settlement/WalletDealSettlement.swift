import Store
import JSON
import Crypto

/// Settles deals on the sandbox USDC ledger with the agents' wallets: the payer's key signs an
/// EIP-3009 `TransferWithAuthorization` of the deal amount to the payee's address, and the
/// ledger verifies and applies it inside the deal's transaction.
///
/// The authorization nonce is derived from the deal id, so even two signatures for one deal
/// share a nonce and the ledger can apply at most one of them; the transfer id is `tx_<deal id>`.
struct WalletDealSettlement: DealSettlement {
    /// A signed authorization.
    struct Prepared: Sendable {
        /// What the payer authorised.
        var authorization: TransferWithAuthorization
        /// The payer's signature over it.
        var signature: EthereumSignature
    }

    /// Opens the wallet service (and its key vault) when a deal is executed.
    let wallets: @Sendable () throws -> WalletService

    /// The 32-byte EIP-3009 nonce for a deal: SHA-256 of a fixed label and the deal id.
    static func nonce(for dealID: String) -> [UInt8] {
        SHA256.hash(Array("tak/0.1 deal settlement\u{0}\(dealID)".utf8))
    }

    /// The receipt id for a transfer: `mcp_receipt_` and 16 hex digits of SHA-256(transfer id, nonce).
    static func receiptID(transferID: String, nonce: String) -> String {
        "mcp_receipt_" + Hex.encode(SHA256.hash(Array("\(transferID):\(nonce)".utf8)).prefix(8), prefix: false)
    }

    /// Finds both wallets, unlocks the payer's key and signs the authorization; refuses when a
    /// wallet is missing or not on the sandbox.
    func prepare(_ order: SettlementOrder) throws -> Result<Prepared, SettlementRefusal> {
        let service: WalletService
        let payer: WalletRecord?
        let payee: WalletRecord?
        do {
            service = try wallets()
            payer = try service.find(order.payerAgentID)
            payee = try service.find(order.payeeAgentID)
        } catch let error as WalletError {
            throw ToolFailure(code: .internalError, message: "the wallets cannot be opened: \(error.message); the deal is still approved, fix this and execute again")
        }
        guard let payer else {
            return .failure(SettlementRefusal(code: .payerWalletMissing, message: "the payer \(order.payerAgentID) has no wallet: create one with wallet_create and fund it with wallet_fund before executing a deal"))
        }
        guard let payee else {
            return .failure(SettlementRefusal(code: .payeeWalletMissing, message: "the payee \(order.payeeAgentID) has no wallet to be paid into: it needs one (wallet_create) before a deal with it can execute"))
        }
        guard payer.network == .sandbox else {
            return .failure(SettlementRefusal(code: .unsupportedNetwork, message: "deals settle on the sandbox ledger, but the payer's wallet \(payer.address.checksummed) is a \(payer.network.rawValue) wallet"))
        }
        let key: EthereumPrivateKey
        do {
            key = try service.vault.key(for: payer.address)
        } catch let error as WalletError {
            throw ToolFailure(code: .internalError, message: "the payer's key cannot be unlocked: \(error.message); the deal is still approved, fix this and execute again")
        }
        let now = UInt64(max(0, order.now))
        let authorization = try TransferWithAuthorization(
            domain: SandboxLedger.domain, from: payer.address, to: payee.address, value: UInt256(order.amountAtomic),
            validAfter: UInt256(now - min(now, 600)), validBefore: UInt256(now + 600), nonce: Self.nonce(for: order.dealID))
        return .success(Prepared(authorization: authorization, signature: authorization.sign(with: key)))
    }

    /// Has the ledger verify and apply the authorization in `transaction`; a transfer already
    /// applied under the order's transfer id is returned as it is, never applied again.
    func settle(_ prepared: Prepared, order: SettlementOrder, now: Int64,
                in transaction: Transaction) throws -> Result<SettlementReceipt, SettlementRefusal> {
        if let applied = SandboxLedger.appliedTransfer(order.transferID, in: transaction) {
            return .success(receipt(applied, transferID: order.transferID))
        }
        switch try SandboxLedger.apply(prepared.authorization, signature: prepared.signature, now: UInt64(max(0, now)),
                                       transferID: order.transferID, in: transaction) {
        case .success(let receipt):
            return .success(self.receipt(receipt.json.objectValue ?? [:], transferID: order.transferID))
        case .failure(.insufficientBalance(let balance, let needed)):
            return .failure(SettlementRefusal(code: .insufficientBalance, message: "the payer \(order.payerAgentID) has \(balance.decimalString) USDC but the deal needs \(needed.decimalString) USDC; nothing was paid"))
        case .failure(let rejection):
            return .failure(SettlementRefusal(code: rejection.code, message: "the sandbox ledger refused the payment: \(rejection); nothing was paid"))
        }
    }

    /// A settlement receipt from the ledger's stored receipt.
    private func receipt(_ ledger: JSONObject, transferID: String) -> SettlementReceipt {
        SettlementReceipt(transferID: transferID,
                          receiptID: Self.receiptID(transferID: transferID, nonce: ledger["nonce"]?.stringValue ?? ""),
                          details: ledger)
    }
}
