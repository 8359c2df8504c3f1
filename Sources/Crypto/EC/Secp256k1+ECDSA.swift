extension Secp256k1 {
    /// An ECDSA signature (r, s) with the recovery id of the nonce point R.
    struct RecoverableSignature: Sendable {
        /// r = R.x mod n, in [1, n).
        var r: Scalar
        /// s in [1, n); low (≤ n/2) when produced by `sign`.
        var s: Scalar
        /// Bit 0: R.y is odd; bit 1: R.x ≥ n (0 or 1 in practice, 2 and 3 with probability ~2^−127).
        var recoveryID: UInt8
    }

    /// Signs a 32-byte digest with RFC 6979 deterministic nonces, low-s normalized (the recovery
    /// id flips when s is negated). Constant-time in the private key and nonce.
    static func sign(digest: some Collection<UInt8>, privateKey d: Scalar) -> RecoverableSignature {
        let e = Scalar(reducingBytes: digest)
        var nonces = RFC6979Nonces(privateKey: d, digest: digest)
        defer { nonces.wipe() }
        while true {
            let k = nonces.next()
            let point = multiplyGenerator(k)
            // R.x < p < 2n: one conditional subtraction gives r; the overflow bit is public.
            let (rx, borrow) = point.x.value.subtractingWithBorrow(Secp256k1.n)
            let overflow = borrow ^ 1
            let r = Scalar(reduced: rx.constantTimeSelect(mask: Limb.mask(overflow), else: point.x.value))
            if r.isZeroVartime { continue }
            var s = k.inverse * (e + r * d)
            if s.isZeroVartime { continue }
            var recoveryID = UInt8(truncatingIfNeeded: point.y.isOddBit | (overflow << 1))
            if s.isHighVartime {
                s = -s
                recoveryID ^= 1
            }
            return RecoverableSignature(r: r, s: s, recoveryID: recoveryID)
        }
    }

    /// Whether (r, s) is a valid signature of `digest` by `publicKey`; variable-time.
    ///
    /// Rejects r or s equal to 0 or at least n, and s above n/2 when `rejectHighS` is set (the
    /// EIP-2 / USDC rule).
    static func verifyVartime(digest: some Collection<UInt8>, r: UInt256, s: UInt256, publicKey: AffinePoint,
                              rejectHighS: Bool) -> Bool {
        guard !r.isZero, r < Secp256k1.n, !s.isZero, s < Secp256k1.n else { return false }
        if rejectHighS, Secp256k1.halfN < s { return false }
        let e = Scalar(reducingBytes: digest)
        let w = Scalar(reduced: s).inverseVartime
        let u1 = e * w
        let u2 = Scalar(reduced: r) * w
        let point = doubleMultiplyVartime(generatorScalar: u1, pointScalar: u2, point: publicKey)
        if point.isInfinityVartime { return false }
        // Compare x(R) mod n with r without inverting Z: X == x·Z² for x = r or x = r + n < p.
        let zz = point.z.squared
        if (FieldElement(reduced: r) * zz).equalsVartime(point.x) { return true }
        let (rPlusN, carry) = r.addingWithCarry(Secp256k1.n)
        guard carry == 0, rPlusN < Secp256k1.p else { return false }
        return (FieldElement(reduced: rPlusN) * zz).equalsVartime(point.x)
    }

    /// The public key that produced (r, s) over `digest` with `recoveryID` (0…3), or nil when
    /// there is none; variable-time. Range rules as in `verifyVartime`.
    static func recoverPublicKeyVartime(digest: some Collection<UInt8>, r: UInt256, s: UInt256, recoveryID: UInt8,
                               rejectHighS: Bool) -> AffinePoint? {
        guard recoveryID < 4, !r.isZero, r < Secp256k1.n, !s.isZero, s < Secp256k1.n else { return nil }
        if rejectHighS, Secp256k1.halfN < s { return nil }
        var xValue = r
        if recoveryID & 2 != 0 {
            let (sum, carry) = r.addingWithCarry(Secp256k1.n)
            guard carry == 0, sum < Secp256k1.p else { return nil }
            xValue = sum
        }
        guard let nonce = decompressVartime(x: FieldElement(reduced: xValue), odd: recoveryID & 1 == 1) else {
            return nil
        }
        let e = Scalar(reducingBytes: digest)
        let rInverse = Scalar(reduced: r).inverseVartime
        let u1 = -(e * rInverse)
        let u2 = Scalar(reduced: s) * rInverse
        return doubleMultiplyVartime(generatorScalar: u1, pointScalar: u2, point: nonce).affineVartime()
    }

    /// The curve point with this x and y parity, or nil when x³ + 7 has no square root;
    /// variable-time.
    static func decompressVartime(x: FieldElement, odd: Bool) -> AffinePoint? {
        guard var y = (x.squared * x + FieldElement(7)).squareRootVartime else { return nil }
        if (y.isOddBit == 1) != odd { y = -y }
        return AffinePoint(x: x, y: y)
    }
}
