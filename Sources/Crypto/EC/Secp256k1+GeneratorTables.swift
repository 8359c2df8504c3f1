extension Secp256k1 {
    /// The number of 4-bit windows of a scalar.
    static let combWindows = 64
    /// Table entries per window: the multiples 1…15 (a zero digit adds nothing).
    static let combEntriesPerWindow = 15

    /// `combTable[15·i + j − 1] = j · 16^i · G` for window i in 0..<64 and digit j in 1...15,
    /// in affine form: built once, on first use, for constant-time fixed-base multiplication.
    static let combTable: [AffinePoint] = {
        var points: [JacobianPoint] = []
        points.reserveCapacity(combWindows * combEntriesPerWindow)
        var base = JacobianPoint(AffinePoint.generator)
        for _ in 0 ..< combWindows {
            var multiple = base
            for _ in 0 ..< combEntriesPerWindow {
                points.append(multiple)
                multiple = multiple.addingVartime(base)
            }
            base = multiple  // 16 · base
        }
        return JacobianPoint.batchAffineVartime(points)
    }()

    /// The window width used for G in wNAF-based double multiplication.
    static let generatorWNAFWidth = 10

    /// The odd multiples 1·G, 3·G, …, (2^(w−1) − 1)·G for w = `generatorWNAFWidth`, affine:
    /// built once, on first use, for variable-time verification and recovery.
    static let generatorOddMultiples: [AffinePoint] = oddMultiples(of: JacobianPoint(AffinePoint.generator))

    /// The same odd multiples of 2^128·G, for the high half of the generator scalar.
    static let generatorOddMultiplesHigh: [AffinePoint] = {
        var base = JacobianPoint(AffinePoint.generator)
        for _ in 0 ..< 128 { base = base.doubledVartime() }
        return oddMultiples(of: base)
    }()

    /// 1·P, 3·P, …, (2^(w−1) − 1)·P for w = `generatorWNAFWidth`, affine; variable-time.
    private static func oddMultiples(of p: JacobianPoint) -> [AffinePoint] {
        let count = 1 << (generatorWNAFWidth - 2)
        var points: [JacobianPoint] = []
        points.reserveCapacity(count)
        let twoP = p.doubledVartime()
        var current = p
        for _ in 0 ..< count {
            points.append(current)
            current = current.addingVartime(twoP)
        }
        return JacobianPoint.batchAffineVartime(points)
    }
}
