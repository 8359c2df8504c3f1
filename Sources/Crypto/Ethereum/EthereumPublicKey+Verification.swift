extension EthereumPublicKey {
    /// Whether `signature` (its r and s; v is not consulted) is a valid ECDSA signature of the
    /// 32-byte `digest` by this key. r and s must be in [1, n); with `rejectHighS` (the default,
    /// EIP-2 and USDC's rule) s must also be at most n/2. Variable-time.
    public func verifyVartime(digest: some Collection<UInt8>, signature: EthereumSignature,
                              rejectHighS: Bool = true) -> Bool {
        guard digest.count == 32 else { return false }
        return Secp256k1.verifyVartime(digest: digest, r: signature.r, s: signature.s, publicKey: point,
                                       rejectHighS: rejectHighS)
    }

    /// The public key that signed the 32-byte `digest`, as `ecrecover` would find it, under
    /// USDC's `ECRecover` rules: v must be 27 or 28 (0/1 are refused), r and s in [1, n), and
    /// s at most n/2 unless `allowHighS` is set. Variable-time.
    public static func recoverPublicKeyVartime(digest: some Collection<UInt8>, signature: EthereumSignature,
                                      allowHighS: Bool = false) throws(EthereumCryptoError) -> EthereumPublicKey {
        guard digest.count == 32 else { throw .invalidDigest("expected 32 bytes, got \(digest.count)") }
        guard signature.v == 27 || signature.v == 28 else {
            throw .invalidSignature("v must be 27 or 28, got \(signature.v)")
        }
        guard !signature.r.isZero, signature.r < Secp256k1.n else { throw .invalidSignature("r out of range") }
        guard !signature.s.isZero, signature.s < Secp256k1.n else { throw .invalidSignature("s out of range") }
        if !allowHighS, Secp256k1.halfN < signature.s { throw .invalidSignature("s is above n/2 (high-s)") }
        return try recoverPublicKeyVartime(digest: digest, r: signature.r, s: signature.s, recoveryID: signature.v - 27,
                                  allowHighS: allowHighS)
    }

    /// The public key for (r, s) over `digest` with an explicit recovery id 0…3 (bit 0: y odd,
    /// bit 1: R.x ≥ n). Variable-time.
    public static func recoverPublicKeyVartime(digest: some Collection<UInt8>, r: UInt256, s: UInt256, recoveryID: UInt8,
                                      allowHighS: Bool = false) throws(EthereumCryptoError) -> EthereumPublicKey {
        guard digest.count == 32 else { throw .invalidDigest("expected 32 bytes, got \(digest.count)") }
        guard let point = Secp256k1.recoverPublicKeyVartime(digest: digest, r: r, s: s, recoveryID: recoveryID,
                                                   rejectHighS: !allowHighS) else {
            throw .invalidSignature("no public key recovers from this signature")
        }
        return EthereumPublicKey(point: point)
    }

    /// Whether `signature` over `digest` recovers to `signer` under USDC's rules (see
    /// `recoverPublicKeyVartime`); the check a facilitator makes before settling an authorization.
    public static func isValidSignatureVartime(digest: some Collection<UInt8>, signature: EthereumSignature,
                                               signer: EthereumAddress) -> Bool {
        guard let key = try? recoverPublicKeyVartime(digest: digest, signature: signature) else { return false }
        return key.address == signer
    }
}
