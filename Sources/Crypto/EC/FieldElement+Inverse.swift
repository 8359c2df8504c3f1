extension Secp256k1.FieldElement {
    /// `a^(p−2) = a^−1 mod p` (0 for 0) by a fixed addition chain: constant-time.
    var inverse: Self {
        let (x2, x22, x223) = powerChainPrefix()
        var t = x223.squared(times: 23) * x22
        t = t.squared(times: 5) * self
        t = t.squared(times: 3) * x2
        t = t.squared(times: 2) * self
        return t
    }

    /// A square root `a^((p+1)/4)` when one exists, else nil; variable-time in the answer only.
    var squareRootVartime: Self? {
        let (x2, x22, x223) = powerChainPrefix()
        var t = x223.squared(times: 23) * x22
        t = t.squared(times: 6) * x2
        t = t.squared(times: 2)
        return t.squared.equalsVartime(self) ? t : nil
    }

    /// The powers `a^(2^k − 1)` for k = 2, 22, 223 shared by inversion and square root
    /// (the addition chain of libsecp256k1).
    @inline(__always)
    private func powerChainPrefix() -> (x2: Self, x22: Self, x223: Self) {
        let x2 = squared * self
        let x3 = x2.squared * self
        let x6 = x3.squared(times: 3) * x3
        let x9 = x6.squared(times: 3) * x3
        let x11 = x9.squared(times: 2) * x2
        let x22 = x11.squared(times: 11) * x11
        let x44 = x22.squared(times: 22) * x22
        let x88 = x44.squared(times: 44) * x44
        let x176 = x88.squared(times: 88) * x88
        let x220 = x176.squared(times: 44) * x44
        let x223 = x220.squared(times: 3) * x3
        return (x2, x22, x223)
    }
}
