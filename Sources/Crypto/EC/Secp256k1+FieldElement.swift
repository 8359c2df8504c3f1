extension Secp256k1 {
    /// An element of the secp256k1 base field, always fully reduced into [0, p).
    ///
    /// All arithmetic is branch-free and constant-time. Equality and zero tests that return `Bool`
    /// are named `…Vartime`.
    struct FieldElement: Sendable {
        /// The reduced value.
        var value: UInt256

        /// The element with this already-reduced value (caller guarantees `value < p`).
        @inline(__always)
        init(reduced value: UInt256) { self.value = value }

        /// The element for a small integer.
        @inline(__always)
        init(_ small: UInt64) { value = UInt256(small) }

        /// Zero.
        static var zero: FieldElement { FieldElement(0) }
        /// One.
        static var one: FieldElement { FieldElement(1) }

        /// The element for 32 big-endian bytes when they encode a value below p; nil otherwise
        /// (variable-time in the rejection only).
        init?(bytesVartime bytes: some Collection<UInt8>) {
            guard bytes.count == 32, let v = UInt256(bigEndianBytes: bytes), v < Secp256k1.p else { return nil }
            value = v
        }

        /// `value mod p` for any 256-bit value; constant-time.
        @inline(__always)
        init(reducing v: UInt256) {
            let (sum, carry) = v.addingWithCarry(UInt256(Secp256k1.pComplement))
            value = sum.constantTimeSelect(mask: Limb.mask(carry), else: v)
        }

        /// The 32 big-endian bytes.
        var bytes: [UInt8] { value.bigEndianBytes }

        /// 1 when zero, else 0; constant-time.
        @inline(__always)
        var isZeroBit: UInt64 { value.constantTimeIsZeroBit }

        /// Whether zero (variable-time).
        @inline(__always)
        var isZeroVartime: Bool { value.isZero }

        /// Whether odd (the parity of the reduced value); constant-time.
        @inline(__always)
        var isOddBit: UInt64 { value.l0 & 1 }

        /// Whether equal to `other` (variable-time).
        @inline(__always)
        func equalsVartime(_ other: FieldElement) -> Bool { value == other.value }

        /// `a` where `mask` is all ones, else `b`; constant-time.
        @inline(__always)
        static func select(_ mask: UInt64, _ a: FieldElement, _ b: FieldElement) -> FieldElement {
            FieldElement(reduced: a.value.constantTimeSelect(mask: mask, else: b.value))
        }
    }
}
