extension Secp256k1 {
    /// The deterministic nonce generator of RFC 6979 §3.2 with HMAC-SHA-256, for a 256-bit
    /// digest and secp256k1 (qlen = hlen = 256, so each candidate is one HMAC output).
    struct RFC6979Nonces {
        /// The HMAC key K.
        private var key: [UInt8]
        /// The chaining value V.
        private var chain: [UInt8]
        /// Whether `next()` has produced a candidate (later calls first reseed, step h.3).
        private var started = false

        /// Seeds the generator with the private key and the digest reduced mod n (bits2octets).
        init(privateKey: Scalar, digest: some Collection<UInt8>) {
            var x = privateKey.bytes
            var h = Scalar(reducingBytes: digest).bytes
            key = [UInt8](repeating: 0, count: 32)
            chain = [UInt8](repeating: 1, count: 32)
            for separator: UInt8 in [0, 1] {
                var mac = HMAC<SHA256>(key: key)
                mac.update(bytes: chain)
                mac.update(bytes: CollectionOfOne(separator))
                mac.update(bytes: x)
                mac.update(bytes: h)
                replace(&key, with: mac.finalize())
                replace(&chain, with: HMAC<SHA256>.authenticationCode(for: chain, using: key))
            }
            SecureZero.zero(&x)
            SecureZero.zero(&h)
        }

        /// The next candidate k in [1, n); a candidate out of range (probability below 2^−127)
        /// is skipped as the RFC prescribes.
        mutating func next() -> Scalar {
            while true {
                if started {
                    var mac = HMAC<SHA256>(key: key)
                    mac.update(bytes: chain)
                    mac.update(bytes: CollectionOfOne(UInt8(0)))
                    replace(&key, with: mac.finalize())
                    replace(&chain, with: HMAC<SHA256>.authenticationCode(for: chain, using: key))
                }
                started = true
                replace(&chain, with: HMAC<SHA256>.authenticationCode(for: chain, using: key))
                if let k = Scalar(nonZeroBytesVartime: chain) { return k }
            }
        }

        /// Zeroes the secret state; call when done.
        mutating func wipe() {
            SecureZero.zero(&key)
            SecureZero.zero(&chain)
        }

        /// Overwrites `old` with `new`, zeroing the old contents first.
        private func replace(_ old: inout [UInt8], with new: [UInt8]) {
            SecureZero.zero(&old)
            old = new
        }
    }
}
