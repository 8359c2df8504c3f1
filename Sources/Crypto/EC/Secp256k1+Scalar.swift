extension Secp256k1 {
    /// An integer modulo the group order n, always fully reduced into [0, n).
    ///
    /// Arithmetic is branch-free and constant-time (Montgomery multiplication underneath);
    /// `Bool`-returning tests are named `…Vartime`.
    struct Scalar: Sendable {
        /// The reduced value.
        var value: UInt256

        /// The scalar with this already-reduced value (caller guarantees `value < n`).
        @inline(__always)
        init(reduced value: UInt256) { self.value = value }

        /// `v mod n` for any 256-bit value (2^256 < 2n, so one conditional subtraction); constant-time.
        @inline(__always)
        init(reducing v: UInt256) {
            let (difference, borrow) = v.subtractingWithBorrow(Secp256k1.n)
            value = difference.constantTimeSelect(mask: Limb.mask(borrow ^ 1), else: v)
        }

        /// The scalar for 32 big-endian bytes reduced modulo n; constant-time.
        init(reducingBytes bytes: some Collection<UInt8>) {
            self.init(reducing: UInt256(bigEndianBytes: bytes) ?? .zero)
        }

        /// The scalar for 32 big-endian bytes when they encode a value in [1, n); nil otherwise.
        /// The accept/reject outcome is the only variable-time part.
        init?(nonZeroBytesVartime bytes: some Collection<UInt8>) {
            guard bytes.count == 32, let v = UInt256(bigEndianBytes: bytes) else { return nil }
            let inRange = v.constantTimeLessThanBit(Secp256k1.n) & (v.constantTimeIsZeroBit ^ 1)
            guard inRange == 1 else { return nil }
            value = v
        }

        /// Zero.
        static var zero: Scalar { Scalar(reduced: .zero) }
        /// One.
        static var one: Scalar { Scalar(reduced: .one) }

        /// The 32 big-endian bytes.
        var bytes: [UInt8] { value.bigEndianBytes }

        /// 1 when zero, else 0; constant-time.
        @inline(__always)
        var isZeroBit: UInt64 { value.constantTimeIsZeroBit }

        /// Whether zero (variable-time).
        var isZeroVartime: Bool { value.isZero }

        /// Whether above ⌊n/2⌋, that is a "high-s" value (variable-time; for public signature values).
        var isHighVartime: Bool { Secp256k1.halfN < value }

        /// Whether equal to `other` (variable-time).
        func equalsVartime(_ other: Scalar) -> Bool { value == other.value }

        /// `a` where `mask` is all ones, else `b`; constant-time.
        @inline(__always)
        static func select(_ mask: UInt64, _ a: Scalar, _ b: Scalar) -> Scalar {
            Scalar(reduced: a.value.constantTimeSelect(mask: mask, else: b.value))
        }
    }
}
