extension EthereumPrivateKey {
    /// Signs a 32-byte digest: RFC 6979 deterministic nonce, low s, v = 27 + recovery id.
    public func sign(digest: some Collection<UInt8>) throws(EthereumCryptoError) -> EthereumSignature {
        guard digest.count == 32 else { throw .invalidDigest("expected 32 bytes, got \(digest.count)") }
        let signature = Secp256k1.sign(digest: digest, privateKey: scalar)
        return EthereumSignature(r: signature.r.value, s: signature.s.value, v: 27 &+ signature.recoveryID)
    }

    /// Signs `message` as an EIP-191 personal message (`personal_sign`).
    public func signPersonalMessage(_ message: some Collection<UInt8>) -> EthereumSignature {
        // The hash is always 32 bytes, so signing cannot fail.
        (try? sign(digest: EIP191.personalMessageHash(message)))!
    }

    /// Signs EIP-712 typed data given in the `eth_signTypedData_v4` JSON shape.
    public func signTypedData(_ typedData: EIP712TypedData) throws(EthereumCryptoError) -> EthereumSignature {
        let digest: [UInt8]
        do { digest = try typedData.digest() } catch { throw .invalidDigest(error.description) }
        return try sign(digest: digest)
    }
}
