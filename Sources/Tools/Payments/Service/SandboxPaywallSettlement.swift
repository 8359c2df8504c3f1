public import Payments
import Crypto

extension SandboxLedger {
    /// The paywall's settle function over this ledger: USDC's checks and the transfer in one
    /// store transaction, rejections mapped to x402's error reasons.
    public func paywallSettlement(clock: @escaping @Sendable () -> Int64) -> PaywallSettle {
        let ledger = self
        return { authorization, signature, transferID in
            do {
                let receipt = try ledger.transfer(authorization, signature: signature, now: UInt64(max(0, clock())), transferID: transferID)
                return .success(receipt.transferID)
            } catch let rejection as LedgerRejection {
                return .failure(Self.paywallFailure(rejection))
            } catch {
                return .failure(PaywallSettlementFailure(reason: "unexpected_settle_error", message: "the ledger failed: \(error)"))
            }
        }
    }

    /// The x402 reason (python SDK 2.25 names) for a ledger rejection.
    static func paywallFailure(_ rejection: LedgerRejection) -> PaywallSettlementFailure {
        let reason: String
        switch rejection {
        case .wrongDomain: reason = "invalid_exact_evm_token_name_mismatch"
        case .invalidSignature: reason = "invalid_exact_evm_payload_signature"
        case .notYetValid: reason = "invalid_exact_evm_payload_authorization_valid_after"
        case .expired: reason = "invalid_exact_evm_payload_authorization_valid_before"
        case .nonceAlreadyUsed: reason = "invalid_exact_evm_nonce_already_used"
        case .insufficientBalance: reason = "invalid_exact_evm_insufficient_balance"
        case .amountTooLarge, .fundingCapExceeded: reason = "invalid_exact_evm_payload_authorization_value"
        }
        return PaywallSettlementFailure(reason: reason, message: rejection.description, isReplay: rejection == .nonceAlreadyUsed)
    }
}
