public import Payments

extension WalletService {
    /// The agent's wallet as a payment signer: the key is decrypted from its keystore (once per
    /// process) and stays behind the signing closure.
    public func paymentSigner(_ agentID: String) throws -> (WalletRecord, PaymentSigner) {
        let record = try get(agentID)
        return (record, PaymentSigner(key: try vault.key(for: record.address)))
    }
}
