import Store

extension SandboxLedger {
    /// What `transfer(_:signature:now:transferID:)` does, inside a transaction the caller owns,
    /// so that a deal's state and its transfer commit together. The checks are the ledger's own
    /// (`SandboxLedger.check`); a rejection changes nothing.
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
}
