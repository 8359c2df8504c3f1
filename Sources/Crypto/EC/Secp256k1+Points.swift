extension Secp256k1 {
    /// A finite curve point in affine coordinates (x, y).
    struct AffinePoint: Sendable {
        /// The x coordinate.
        var x: FieldElement
        /// The y coordinate.
        var y: FieldElement

        /// The point (x, y); the caller guarantees it lies on the curve.
        @inline(__always)
        init(x: FieldElement, y: FieldElement) {
            self.x = x
            self.y = y
        }

        /// The generator G.
        static var generator: AffinePoint {
            AffinePoint(x: FieldElement(reduced: Secp256k1.gx), y: FieldElement(reduced: Secp256k1.gy))
        }

        /// Whether y² = x³ + 7 (variable-time; for public points).
        var isOnCurveVartime: Bool {
            y.squared.equalsVartime(x.squared * x + FieldElement(7))
        }

        /// The point −P = (x, −y).
        @inline(__always)
        var negated: AffinePoint { AffinePoint(x: x, y: -y) }

        /// `a` where `mask` is all ones, else `b`; constant-time.
        @inline(__always)
        static func select(_ mask: UInt64, _ a: AffinePoint, _ b: AffinePoint) -> AffinePoint {
            AffinePoint(x: .select(mask, a.x, b.x), y: .select(mask, a.y, b.y))
        }

        /// Whether both coordinates match `other` (variable-time).
        func equalsVartime(_ other: AffinePoint) -> Bool { x.equalsVartime(other.x) && y.equalsVartime(other.y) }
    }

    /// A point in Jacobian coordinates (X, Y, Z) for (X/Z², Y/Z³); Z = 0 is the point at infinity.
    ///
    /// Its group law (in `JacobianPoint+Vartime.swift`) branches on special cases and is for public
    /// data only: verification and recovery.
    struct JacobianPoint: Sendable {
        /// X.
        var x: FieldElement
        /// Y.
        var y: FieldElement
        /// Z; zero for the point at infinity.
        var z: FieldElement

        /// The point with these coordinates.
        @inline(__always)
        init(x: FieldElement, y: FieldElement, z: FieldElement) {
            self.x = x
            self.y = y
            self.z = z
        }

        /// The affine point `p` with Z = 1.
        @inline(__always)
        init(_ p: AffinePoint) { self.init(x: p.x, y: p.y, z: .one) }

        /// The point at infinity.
        static var infinity: JacobianPoint { JacobianPoint(x: .one, y: .one, z: .zero) }

        /// Whether this is the point at infinity (variable-time).
        @inline(__always)
        var isInfinityVartime: Bool { z.isZeroVartime }
    }

    /// A point in homogeneous projective coordinates (X : Y : Z) for (X/Z, Y/Z); (0 : 1 : 0) is
    /// the point at infinity. Its complete, branch-free addition is used for secret scalars.
    struct ProjectivePoint: Sendable {
        /// X.
        var x: FieldElement
        /// Y.
        var y: FieldElement
        /// Z; zero for the point at infinity.
        var z: FieldElement

        /// The point with these coordinates.
        @inline(__always)
        init(x: FieldElement, y: FieldElement, z: FieldElement) {
            self.x = x
            self.y = y
            self.z = z
        }

        /// The point at infinity (0 : 1 : 0).
        static var infinity: ProjectivePoint { ProjectivePoint(x: .zero, y: .one, z: .zero) }

        /// `a` where `mask` is all ones, else `b`; constant-time.
        @inline(__always)
        static func select(_ mask: UInt64, _ a: ProjectivePoint, _ b: ProjectivePoint) -> ProjectivePoint {
            ProjectivePoint(x: .select(mask, a.x, b.x), y: .select(mask, a.y, b.y), z: .select(mask, a.z, b.z))
        }
    }
}
