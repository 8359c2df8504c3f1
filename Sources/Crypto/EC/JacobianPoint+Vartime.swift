extension Secp256k1.JacobianPoint {
    /// Shorthand for the field type.
    typealias FieldElement = Secp256k1.FieldElement

    /// 2P (dbl-2009-l, 2M + 5S); variable-time.
    @inline(__always)
    func doubledVartime() -> Self {
        if isInfinityVartime { return self }
        let a = x.squared
        let b = y.squared
        let c = b.squared
        let d = ((x + b).squared - a - c).doubled
        let e = a.doubled + a
        let f = e.squared
        let x3 = f - d.doubled
        let y3 = e * (d - x3) - c.times(8)
        let z3 = (y * z).doubled
        return Self(x: x3, y: y3, z: z3)
    }

    /// P + Q for an affine Q (madd-2004-hmv, 8M + 3S); variable-time.
    @inline(__always)
    func addingVartime(_ q: Secp256k1.AffinePoint) -> Self {
        if isInfinityVartime { return Self(q) }
        let z1z1 = z.squared
        let u2 = q.x * z1z1
        let s2 = q.y * z1z1 * z
        let h = u2 - x
        let r = s2 - y
        if h.isZeroVartime {
            return r.isZeroVartime ? doubledVartime() : .infinity
        }
        let z3 = z * h
        let hh = h.squared
        let hhh = hh * h
        let v = hh * x
        let x3 = r.squared - v.doubled - hhh
        let y3 = (v - x3) * r - hhh * y
        return Self(x: x3, y: y3, z: z3)
    }

    /// P + Q for a Jacobian Q (add-1998-cmo-2, 12M + 4S); variable-time.
    @inline(__always)
    func addingVartime(_ q: Self) -> Self {
        if isInfinityVartime { return q }
        if q.isInfinityVartime { return self }
        let z1z1 = z.squared
        let z2z2 = q.z.squared
        let u1 = x * z2z2
        let u2 = q.x * z1z1
        let s1 = y * z2z2 * q.z
        let s2 = q.y * z1z1 * z
        let h = u2 - u1
        let r = s2 - s1
        if h.isZeroVartime {
            return r.isZeroVartime ? doubledVartime() : .infinity
        }
        let hh = h.squared
        let hhh = hh * h
        let v = u1 * hh
        let x3 = r.squared - hhh - v.doubled
        let y3 = r * (v - x3) - s1 * hhh
        let z3 = z * q.z * h
        return Self(x: x3, y: y3, z: z3)
    }

    /// −P.
    @inline(__always)
    var negated: Self { Self(x: x, y: -y, z: z) }

    /// The affine point, or nil for infinity; variable-time.
    func affineVartime() -> Secp256k1.AffinePoint? {
        if isInfinityVartime { return nil }
        let zi = z.inverse
        let zi2 = zi.squared
        return Secp256k1.AffinePoint(x: x * zi2, y: y * zi2 * zi)
    }

    /// Affine forms of many finite points with a single inversion (Montgomery's trick);
    /// variable-time, for public tables. No point may be infinity.
    static func batchAffineVartime(_ points: [Self]) -> [Secp256k1.AffinePoint] {
        guard !points.isEmpty else { return [] }
        var prefix = [FieldElement](repeating: .one, count: points.count)
        var running = FieldElement.one
        for (i, p) in points.enumerated() {
            prefix[i] = running
            running = running * p.z
        }
        var inverse = running.inverse
        var result = [Secp256k1.AffinePoint](repeating: .generator, count: points.count)
        for i in stride(from: points.count - 1, through: 0, by: -1) {
            let zi = inverse * prefix[i]
            inverse = inverse * points[i].z
            let zi2 = zi.squared
            result[i] = Secp256k1.AffinePoint(x: points[i].x * zi2, y: points[i].y * zi2 * zi)
        }
        return result
    }
}
