public import Crypto

/// Moves the money for a verified authorization (the sandbox ledger in the product): the
/// settlement reference (a transfer id), or why not.
public typealias PaywallSettle = @Sendable (_ authorization: TransferWithAuthorization, _ signature: EthereumSignature,
                                            _ transferID: String) -> Result<String, PaywallSettlementFailure>

/// Why a settlement failed.
public struct PaywallSettlementFailure: Error, Sendable, Equatable {
    /// The x402 error reason (`invalid_exact_evm_insufficient_balance`…).
    public var reason: String
    /// A sentence.
    public var message: String
    /// The nonce was already used: the credential is a replay.
    public var isReplay: Bool

    /// A failure.
    public init(reason: String, message: String, isReplay: Bool = false) {
        self.reason = reason
        self.message = message
        self.isReplay = isReplay
    }
}
