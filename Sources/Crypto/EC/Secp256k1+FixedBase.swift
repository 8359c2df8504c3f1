extension Secp256k1 {
    /// k·G for a secret scalar k, in constant time.
    ///
    /// The scalar is cut into 64 four-bit digits; digit i selects j·16^i·G from the precomputed
    /// table by reading all 15 entries of its window with masks, and is added with the complete
    /// projective formula. A zero digit still performs the addition (with a dummy entry) and then
    /// keeps the old accumulator by mask, so the sequence of operations and memory reads is the
    /// same for every k. The result is meaningless for k = 0 (callers never pass it).
    static func multiplyGenerator(_ k: Scalar) -> AffinePoint {
        combTable.withUnsafeBufferPointer { table in
            var acc = ProjectivePoint.infinity
            for window in 0 ..< combWindows {
                let digit = (k.value.limb(window >> 4) >> UInt64((window & 15) * 4)) & 15
                let entry = lookup(table, window: window, digit: digit)
                let sum = acc.addingComplete(entry)
                acc = ProjectivePoint.select(Limb.mask(Limb.isZeroBit(digit) ^ 1), sum, acc)
            }
            return acc.affine()
        }
    }

    /// The table entry for `digit` (1…15) of `window`, or the generator for digit 0, read by
    /// scanning every entry of the window with masks: constant-time in `digit`.
    @inline(__always)
    private static func lookup(_ table: UnsafeBufferPointer<AffinePoint>, window: Int, digit: UInt64) -> AffinePoint {
        var x = UInt256.zero
        var y = UInt256.zero
        let base = window * combEntriesPerWindow
        for j in 0 ..< combEntriesPerWindow {
            let mask = Limb.mask(Limb.equalBit(digit, UInt64(j + 1)))
            let entry = table[base + j]
            x = UInt256(l0: x.l0 | (entry.x.value.l0 & mask), l1: x.l1 | (entry.x.value.l1 & mask),
                        l2: x.l2 | (entry.x.value.l2 & mask), l3: x.l3 | (entry.x.value.l3 & mask))
            y = UInt256(l0: y.l0 | (entry.y.value.l0 & mask), l1: y.l1 | (entry.y.value.l1 & mask),
                        l2: y.l2 | (entry.y.value.l2 & mask), l3: y.l3 | (entry.y.value.l3 & mask))
        }
        // Digit 0 matched nothing: substitute G so the (discarded) addition has a curve point.
        let none = Limb.mask(Limb.isZeroBit(digit))
        let g = AffinePoint.generator
        return AffinePoint.select(none, g, AffinePoint(x: FieldElement(reduced: x), y: FieldElement(reduced: y)))
    }
}
