extension Secp256k1 {
    /// The window width used for the variable point in wNAF-based double multiplication.
    static let pointWNAFWidth = 5
    /// The number of wNAF digits of a 128-bit half scalar (one more for the final carry).
    static let halfScalarDigits = 129

    /// β, a cube root of unity mod p: (x, y) ↦ (β·x, y) is multiplication by λ.
    static var beta: FieldElement {
        FieldElement(reduced: UInt256(l0: 0xC139_6C28_7195_01EE, l1: 0x9CF0_4975_12F5_8995,
                                      l2: 0x6E64_479E_AC34_34E9, l3: 0x7AE9_6A2B_657C_0710))
    }

    /// u1·G + u2·Q for public scalars and a public point; variable-time, for verification and
    /// recovery only.
    ///
    /// Strauss–Shamir over four 128-bit wNAF streams sharing 129 doublings: u1 = a + b·2^128 uses
    /// precomputed odd multiples of G and of 2^128·G, and u2 = k1 + k2·λ (GLV split) uses odd
    /// multiples of Q and of λ·Q = (β·x, y).
    static func doubleMultiplyVartime(generatorScalar u1: Scalar, pointScalar u2: Scalar, point q: AffinePoint)
        -> JacobianPoint
    {
        let length = halfScalarDigits
        return withUnsafeTemporaryAllocation(of: Int16.self, capacity: 4 * length) { digits -> JacobianPoint in
            let nafG = UnsafeMutableBufferPointer(rebasing: digits[0 ..< length])
            let nafH = UnsafeMutableBufferPointer(rebasing: digits[length ..< 2 * length])
            let nafQ = UnsafeMutableBufferPointer(rebasing: digits[2 * length ..< 3 * length])
            let nafL = UnsafeMutableBufferPointer(rebasing: digits[3 * length ..< 4 * length])
            let low = UInt256(l0: u1.value.l0, l1: u1.value.l1, l2: 0, l3: 0)
            let high = UInt256(l0: u1.value.l2, l1: u1.value.l3, l2: 0, l3: 0)
            let split = u2.splitLambdaVartime()
            let tops = [
                wnafVartime(low, width: generatorWNAFWidth, into: nafG),
                wnafVartime(high, width: generatorWNAFWidth, into: nafH),
                wnafVartime(split.k1, width: pointWNAFWidth, into: nafQ, negate: split.k1Negative),
                wnafVartime(split.k2, width: pointWNAFWidth, into: nafL, negate: split.k2Negative),
            ]
            let top = tops.max()!
            if top < 0 { return .infinity }
            // Odd multiples Q, 3Q, …, 15Q and their images under the endomorphism, Jacobian.
            let count = 1 << (pointWNAFWidth - 2)
            return withUnsafeTemporaryAllocation(of: JacobianPoint.self, capacity: 2 * count) { table in
                let q1 = JacobianPoint(q)
                let twoQ = q1.doubledVartime()
                table.initializeElement(at: 0, to: q1)
                for i in 1 ..< count { table.initializeElement(at: i, to: table[i - 1].addingVartime(twoQ)) }
                let beta = Secp256k1.beta
                for i in 0 ..< count {
                    let p = table[i]
                    table.initializeElement(at: count + i, to: JacobianPoint(x: p.x * beta, y: p.y, z: p.z))
                }
                defer { table.deinitialize() }
                return generatorOddMultiples.withUnsafeBufferPointer { gTable in
                    generatorOddMultiplesHigh.withUnsafeBufferPointer { hTable in
                        var acc = JacobianPoint.infinity
                        for i in stride(from: top, through: 0, by: -1) {
                            acc = acc.doubledVartime()
                            if let p = entry(gTable, nafG[i]) { acc = acc.addingVartime(p) }
                            if let p = entry(hTable, nafH[i]) { acc = acc.addingVartime(p) }
                            let dq = Int(nafQ[i])
                            if dq != 0 {
                                let p = table[abs(dq) >> 1]
                                acc = acc.addingVartime(dq > 0 ? p : p.negated)
                            }
                            let dl = Int(nafL[i])
                            if dl != 0 {
                                let p = table[count + abs(dl) >> 1]
                                acc = acc.addingVartime(dl > 0 ? p : p.negated)
                            }
                        }
                        return acc
                    }
                }
            }
        }
    }

    /// The affine table entry for a wNAF digit (negated for a negative digit), nil for 0.
    @inline(__always)
    private static func entry(_ table: UnsafeBufferPointer<AffinePoint>, _ digit: Int16) -> AffinePoint? {
        if digit == 0 { return nil }
        let p = table[Int(abs(digit)) >> 1]
        return digit > 0 ? p : p.negated
    }

    /// Writes the width-`w` non-adjacent form of `k` (signed odd digits below 2^(w−1) in
    /// magnitude, least significant first, `digits.count` of them, negated when `negate` is set)
    /// and returns the index of the top non-zero digit, or −1 for zero; variable-time.
    /// `k` must be below 2^(digits.count − 1) so the final carry fits.
    static func wnafVartime(_ k: UInt256, width w: Int, into digits: UnsafeMutableBufferPointer<Int16>,
                            negate: Bool = false) -> Int {
        let length = digits.count
        for i in 0 ..< length { digits[i] = 0 }
        var carry: UInt64 = 0
        var bit = 0
        var top = -1
        while bit < length {
            if bitAt(k, bit) == carry {
                bit += 1
                continue
            }
            let now = min(w, length - bit)
            var word = bitsAt(k, bit, now) &+ carry
            carry = (word >> UInt64(w - 1)) & 1
            word = word &- (carry << UInt64(w))
            let digit = Int16(truncatingIfNeeded: Int64(bitPattern: word))
            digits[bit] = negate ? -digit : digit
            top = bit
            bit += now
        }
        return top
    }

    /// Bit `index` of `k`, 0 beyond bit 255.
    @inline(__always)
    private static func bitAt(_ k: UInt256, _ index: Int) -> UInt64 { index < 256 ? k.bit(index) : 0 }

    /// `count` (≤ 16) bits of `k` from bit `index`, zeros beyond bit 255.
    @inline(__always)
    private static func bitsAt(_ k: UInt256, _ index: Int, _ count: Int) -> UInt64 {
        guard index < 256 else { return 0 }
        let limbIndex = index >> 6
        let shift = index & 63
        var word = k.limb(limbIndex) >> UInt64(shift)
        if shift + count > 64, limbIndex < 3 { word |= k.limb(limbIndex + 1) << UInt64(64 - shift) }
        return word & ((1 << UInt64(count)) - 1)
    }
}
