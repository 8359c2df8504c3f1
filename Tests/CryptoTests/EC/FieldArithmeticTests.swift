import Testing
@testable import Crypto
import TakTestSupport

/// The field mod p against the reference big integer, on seeded random and edge values.
@Suite("secp256k1 field arithmetic")
struct FieldArithmeticTests {
    /// Shorthand.
    typealias FE = Secp256k1.FieldElement

    /// Edge values: 0, 1, 2, p−1, p−2, 2^255, 2^32+977, 2^64−1 and the like.
    static let edges: [UInt256] = {
        let p = Secp256k1.p
        return [.zero, .one, UInt256(2), p.subtractingWithBorrow(.one).difference,
                p.subtractingWithBorrow(UInt256(2)).difference, UInt256(l0: 0, l1: 0, l2: 0, l3: 1 << 63),
                UInt256(0x1_0000_03D1), UInt256(.max), UInt256(l0: .max, l1: .max, l2: .max, l3: 0),
                p.subtractingWithBorrow(UInt256(0x1_0000_03D1)).difference]
    }()

    /// Seeded random reduced values plus the edges.
    static func values(seed: UInt64, count: Int) -> [UInt256] {
        var rng = SplitMix64(seed: seed)
        return edges + (0 ..< count).map { _ in (RefBigUInt(rng.uint256()) % ECRef.p).uint256 }
    }

    @Test("add, sub, mul, square, small multiple match the reference on 300 pairs")
    func ringOperations() {
        let xs = Self.values(seed: 1, count: 300)
        let ys = Self.values(seed: 2, count: 300)
        for (x, y) in zip(xs, ys) {
            let a = FE(reduced: x), b = FE(reduced: y)
            let ra = RefBigUInt(x), rb = RefBigUInt(y)
            #expect((a + b).value == ((ra + rb) % ECRef.p).uint256, "add \(x) \(y)")
            #expect((a - b).value == ((ra + ECRef.p - rb) % ECRef.p).uint256, "sub \(x) \(y)")
            #expect((a * b).value == ((ra * rb) % ECRef.p).uint256, "mul \(x) \(y)")
            #expect(a.squared.value == ((ra * ra) % ECRef.p).uint256, "sqr \(x)")
            #expect(a.times(21).value == ((ra * RefBigUInt(21)) % ECRef.p).uint256, "times21 \(x)")
            #expect(a.times(0xFFFF_FFFF).value == ((ra * RefBigUInt(0xFFFF_FFFF)) % ECRef.p).uint256)
            #expect((-a).value == ((ECRef.p - ra) % ECRef.p).uint256, "neg \(x)")
        }
    }

    @Test("every edge value against every edge value")
    func edgeProducts() {
        for x in Self.edges {
            for y in Self.edges {
                let product = FE(reduced: x) * FE(reduced: y)
                #expect(product.value == ((RefBigUInt(x) * RefBigUInt(y)) % ECRef.p).uint256, "mul \(x) \(y)")
                #expect((FE(reduced: x) + FE(reduced: y)).value == ((RefBigUInt(x) + RefBigUInt(y)) % ECRef.p).uint256)
            }
        }
    }

    @Test("512-bit reduction and reduction of 256-bit values at or above p")
    func wideReduction() {
        var rng = SplitMix64(seed: 3)
        for _ in 0 ..< 200 {
            let low = rng.uint256(), high = rng.uint256()
            let lowDigits = RefBigUInt(low).digits
            let wide = RefBigUInt(digits: lowDigits + [UInt32](repeating: 0, count: 8 - lowDigits.count)
                                  + RefBigUInt(high).digits)
            #expect(FE.reduceWide(low: low, high: high).value == (wide % ECRef.p).uint256)
            #expect(FE(reducing: high).value == (RefBigUInt(high) % ECRef.p).uint256)
        }
        #expect(FE(reducing: .max).value == (RefBigUInt(UInt256.max) % ECRef.p).uint256)
        #expect(FE(reducing: Secp256k1.p).value == .zero)
    }

    @Test("a · a⁻¹ = 1, a⁻¹ = a^(p−2) by the reference, inverse of 0 is 0")
    func inversion() {
        let p2 = ECRef.p - RefBigUInt(2)
        for (i, x) in Self.values(seed: 4, count: 60).enumerated() where !x.isZero {
            let a = FE(reduced: x)
            #expect((a * a.inverse).value == .one, "a·a⁻¹ for \(x)")
            if i < 16 { #expect(a.inverse.value == RefBigUInt.power(RefBigUInt(x), p2, ECRef.p).uint256) }
        }
        #expect(FE.zero.inverse.value == .zero)
    }

    @Test("square roots exist exactly for quadratic residues and square back")
    func squareRoots() {
        var found = 0
        for x in Self.values(seed: 5, count: 80) {
            let a = FE(reduced: x)
            if let root = a.squareRootVartime {
                #expect(root.squared.value == x)
                found += 1
            } else {
                // A non-residue: −a is then a residue because p ≡ 3 (mod 4).
                #expect((-a).squareRootVartime != nil)
            }
            #expect(a.squared.squareRootVartime != nil)
        }
        #expect(found > 20)
    }

    @Test("distributivity and associativity on random triples")
    func identities() {
        var rng = SplitMix64(seed: 6)
        for _ in 0 ..< 200 {
            let a = FE(reducing: rng.uint256()), b = FE(reducing: rng.uint256()), c = FE(reducing: rng.uint256())
            #expect((a * (b + c)).value == (a * b + a * c).value)
            #expect(((a * b) * c).value == (a * (b * c)).value)
            #expect((a - b + b).value == a.value)
            #expect(((a + b).squared).value == (a.squared + (a * b).doubled + b.squared).value)
        }
    }
}
