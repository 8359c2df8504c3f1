extension Secp256k1.ProjectivePoint {
    /// P + Q for an affine Q by the complete mixed formula for a = 0 (Renes–Costello–Batina 2016,
    /// algorithm 8; 11M + 2 small): correct for every P, including infinity and P = ±Q, with no
    /// branch. Q must be a real curve point.
    @inline(__always)
    func addingComplete(_ q: Secp256k1.AffinePoint) -> Self {
        var t0 = x * q.x
        var t1 = y * q.y
        var t3 = q.x + q.y
        var t4 = x + y
        t3 = t3 * t4
        t4 = t0 + t1
        t3 = t3 - t4
        t4 = q.y * z
        t4 = t4 + y
        var y3 = q.x * z
        y3 = y3 + x
        var x3 = t0 + t0
        t0 = x3 + t0
        var t2 = z.times(21)
        var z3 = t1 + t2
        t1 = t1 - t2
        y3 = y3.times(21)
        x3 = t4 * y3
        t2 = t3 * t1
        x3 = t2 - x3
        y3 = y3 * t0
        t1 = t1 * z3
        y3 = t1 + y3
        t0 = t0 * t3
        z3 = z3 * t4
        z3 = z3 + t0
        return Self(x: x3, y: y3, z: z3)
    }

    /// The affine point (X/Z, Y/Z) by a constant-time inversion; meaningless for infinity.
    func affine() -> Secp256k1.AffinePoint {
        let zi = z.inverse
        return Secp256k1.AffinePoint(x: x * zi, y: y * zi)
    }
}
