import Testing
@testable import Crypto
import TakTestSupport

/// Point formulas, fixed-base and double multiplication, checked against each other and against
/// plain double-and-add.
@Suite("secp256k1 points")
struct PointArithmeticTests {
    /// Shorthand.
    typealias S = Secp256k1.Scalar
    /// Shorthand.
    typealias J = Secp256k1.JacobianPoint

    /// k·P by right-to-left double-and-add on Jacobian points: the simplest reference.
    static func referenceMultiply(_ k: UInt256, _ p: Secp256k1.AffinePoint) -> Secp256k1.AffinePoint? {
        var acc = J.infinity
        var base = J(p)
        for i in 0 ..< 256 {
            if k.bit(i) == 1 { acc = acc.addingVartime(base) }
            base = base.doubledVartime()
        }
        return acc.affineVartime()
    }

    @Test("the generator is on the curve and 2G, 3G match the key vectors")
    func smallMultiples() {
        let g = Secp256k1.AffinePoint.generator
        #expect(g.isOnCurveVartime)
        let twoG = J(g).doubledVartime().affineVartime()!
        #expect(Hex.encode(twoG.x.bytes + twoG.y.bytes)
            == "0xc6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee51ae168fea63dc339a3c58419466ceaeef7f632653266d0e1236431a950cfe52a")
        let threeG = J(g).doubledVartime().addingVartime(g).affineVartime()!
        #expect(Hex.encode(threeG.x.bytes)
            == "0xf9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9")
        #expect(J(g).addingVartime(g.negated).isInfinityVartime)
        #expect(J(g).addingVartime(J(g)).affineVartime()!.equalsVartime(twoG))
    }

    @Test("complete projective addition handles infinity, doubling and inverses")
    func completeAddition() {
        let g = Secp256k1.AffinePoint.generator
        let fromInfinity = Secp256k1.ProjectivePoint.infinity.addingComplete(g).affine()
        #expect(fromInfinity.equalsVartime(g))
        let gProjective = Secp256k1.ProjectivePoint(x: g.x, y: g.y, z: .one)
        let doubled = gProjective.addingComplete(g).affine()
        #expect(doubled.equalsVartime(J(g).doubledVartime().affineVartime()!))
        let cancelled = gProjective.addingComplete(g.negated)
        #expect(cancelled.z.isZeroVartime)
        // Projective scaling by an arbitrary λ does not change the sum.
        let lambda = Secp256k1.FieldElement(123_456_789)
        let scaled = Secp256k1.ProjectivePoint(x: doubled.x * lambda, y: doubled.y * lambda, z: lambda)
        let sum = scaled.addingComplete(g).affine()
        #expect(sum.equalsVartime(J(g).doubledVartime().addingVartime(g).affineVartime()!))
    }

    @Test("constant-time fixed-base multiplication equals double-and-add on edge and random scalars")
    func fixedBase() {
        let n = Secp256k1.n
        var scalars: [UInt256] = [.one, UInt256(2), UInt256(15), UInt256(16), UInt256(17), UInt256(255),
                                  n.subtractingWithBorrow(.one).difference, n.subtractingWithBorrow(UInt256(2)).difference,
                                  UInt256(l0: 0, l1: 0, l2: 1, l3: 0), UInt256(l0: 0xF0F0_F0F0_F0F0_F0F0, l1: 0, l2: 0, l3: 0),
                                  UInt256(l0: .max, l1: .max, l2: .max, l3: 0x0FFF_FFFF_FFFF_FFFF),
                                  UInt256(l0: 0, l1: 0, l2: 0, l3: 1 << 60)]
        var rng = SplitMix64(seed: 21)
        for _ in 0 ..< 40 { scalars.append(S(reducing: rng.uint256()).value) }
        for k in scalars where !k.isZero {
            let fast = Secp256k1.multiplyGenerator(S(reduced: k))
            let slow = Self.referenceMultiply(k, .generator)!
            #expect(fast.equalsVartime(slow), "k = \(k.hexString)")
            #expect(fast.isOnCurveVartime)
        }
    }

    @Test("double multiplication u1·G + u2·Q equals (u1 + u2·q)·G")
    func doubleMultiply() {
        var rng = SplitMix64(seed: 22)
        for i in 0 ..< 40 {
            let q = S(reducing: rng.uint256())
            var u1 = S(reducing: rng.uint256())
            var u2 = S(reducing: rng.uint256())
            if i == 0 { u1 = .zero }
            if i == 1 { u2 = .zero }
            if i == 2 { u1 = -S.one; u2 = S(reduced: UInt256(3)) }
            if q.isZeroVartime { continue }
            let point = Secp256k1.multiplyGenerator(q)
            let combined = u1 + u2 * q
            let fast = Secp256k1.doubleMultiplyVartime(generatorScalar: u1, pointScalar: u2, point: point)
            if combined.isZeroVartime {
                #expect(fast.isInfinityVartime)
            } else {
                #expect(fast.affineVartime()!.equalsVartime(Secp256k1.multiplyGenerator(combined)))
            }
        }
        // u1·G − u1·G = infinity.
        let u = S(reduced: UInt256(77))
        let r = Secp256k1.doubleMultiplyVartime(generatorScalar: u, pointScalar: -S.one,
                                                point: Secp256k1.multiplyGenerator(u))
        #expect(r.isInfinityVartime)
    }

    @Test("wNAF digits are odd, bounded, sparse and sum back to k", arguments: [5, 10])
    func wnaf(width: Int) {
        var rng = SplitMix64(seed: 23 + UInt64(width))
        var ks = [UInt256.max, .one, .zero, Secp256k1.n]
        for _ in 0 ..< 50 { ks.append(rng.uint256()) }
        var digits = [Int16](repeating: 0, count: 257)
        for k in ks {
            let top = digits.withUnsafeMutableBufferPointer { Secp256k1.wnafVartime(k, width: width, into: $0) }
            var positive = RefBigUInt(0), negative = RefBigUInt(0)
            var lastNonZero = -width
            for (i, d) in digits.enumerated() where d != 0 {
                #expect(d & 1 == 1 || d & 1 == -1)
                #expect(abs(Int(d)) < 1 << (width - 1))
                #expect(i - lastNonZero >= width)
                lastNonZero = i
                var power = RefBigUInt(1)
                for _ in 0 ..< i { power = power.doubled }
                if d > 0 { positive = positive + power * RefBigUInt(UInt64(d)) } else { negative = negative + power * RefBigUInt(UInt64(-Int(d))) }
            }
            #expect(top == (k.isZero ? -1 : lastNonZero))
            #expect(positive - negative == RefBigUInt(k))
        }
    }
}

/// The endomorphism and the 2^128·G table used by the GLV double multiplication.
@Suite("secp256k1 endomorphism")
struct EndomorphismTests {
    @Test("λ·P = (β·x, y) for G and random points; the high table starts at 2^128·G")
    func endomorphism() {
        var rng = SplitMix64(seed: 31)
        for i in 0 ..< 10 {
            let k = i == 0 ? Secp256k1.Scalar.one : Secp256k1.Scalar(reducing: rng.uint256())
            let p = Secp256k1.multiplyGenerator(k)
            let lambdaP = Secp256k1.multiplyGenerator(k * Secp256k1.Scalar(reduced: Secp256k1.Scalar.lambda))
            #expect(lambdaP.x.equalsVartime(p.x * Secp256k1.beta))
            #expect(lambdaP.y.equalsVartime(p.y))
        }
        let twoTo128 = Secp256k1.Scalar(reduced: UInt256(l0: 0, l1: 0, l2: 1, l3: 0))
        #expect(Secp256k1.generatorOddMultiplesHigh[0].equalsVartime(Secp256k1.multiplyGenerator(twoTo128)))
        let three = Secp256k1.multiplyGenerator(Secp256k1.Scalar(reduced: UInt256(3)))
        #expect(Secp256k1.generatorOddMultiples[1].equalsVartime(three))
    }
}
