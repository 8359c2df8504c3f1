import Testing
@testable import Crypto
import TakTestSupport

/// Scalars mod n (Montgomery underneath) against the reference big integer.
@Suite("secp256k1 scalar arithmetic")
struct ScalarArithmeticTests {
    /// Shorthand.
    typealias S = Secp256k1.Scalar

    /// Seeded random values below n plus edges (0, 1, n−1, ⌊n/2⌋, ⌊n/2⌋+1).
    static func values(seed: UInt64, count: Int) -> [UInt256] {
        var rng = SplitMix64(seed: seed)
        let n = Secp256k1.n
        let edges: [UInt256] = [.zero, .one, n.subtractingWithBorrow(.one).difference, Secp256k1.halfN,
                                Secp256k1.halfN.addingWithCarry(.one).sum, UInt256(l0: 0, l1: 0, l2: 1, l3: 0)]
        return edges + (0 ..< count).map { _ in (RefBigUInt(rng.uint256()) % ECRef.n).uint256 }
    }

    @Test("Montgomery constants: n0·n0inv ≡ −1 (mod 2^64), R mod n, R² mod n")
    func constants() {
        #expect(Secp256k1.n.l0 &* S.montgomeryN0Inverse == .max)
        let r = RefBigUInt(digits: [UInt32](repeating: 0, count: 8) + [1])
        #expect(S.montgomeryOne == (r % ECRef.n).uint256)
        #expect(S.montgomeryR2 == ((r * r) % ECRef.n).uint256)
    }

    @Test("add, sub, neg, mul match the reference on 300 pairs")
    func ringOperations() {
        let xs = Self.values(seed: 11, count: 300)
        let ys = Self.values(seed: 12, count: 300)
        for (x, y) in zip(xs, ys) {
            let a = S(reduced: x), b = S(reduced: y)
            let ra = RefBigUInt(x), rb = RefBigUInt(y)
            #expect((a + b).value == ((ra + rb) % ECRef.n).uint256, "add \(x) \(y)")
            #expect((a - b).value == ((ra + ECRef.n - rb) % ECRef.n).uint256, "sub \(x) \(y)")
            #expect((-a).value == ((ECRef.n - ra) % ECRef.n).uint256, "neg \(x)")
            #expect((a * b).value == ((ra * rb) % ECRef.n).uint256, "mul \(x) \(y)")
        }
    }

    @Test("constant-time and variable-time inverses agree with a^(n−2)")
    func inversion() {
        let n2 = ECRef.n - RefBigUInt(2)
        for (i, x) in Self.values(seed: 13, count: 60).enumerated() {
            let a = S(reduced: x)
            if x.isZero {
                #expect(a.inverse.value == .zero)
                #expect(a.inverseVartime.value == .zero)
                continue
            }
            #expect((a * a.inverse).value == .one)
            #expect(a.inverseVartime.value == a.inverse.value)
            if i < 10 { #expect(a.inverse.value == RefBigUInt.power(RefBigUInt(x), n2, ECRef.n).uint256) }
        }
    }

    @Test("reduction of 256-bit values and range-checked parsing")
    func reductionAndParsing() {
        var rng = SplitMix64(seed: 14)
        for _ in 0 ..< 100 {
            let v = rng.uint256()
            #expect(S(reducing: v).value == (RefBigUInt(v) % ECRef.n).uint256)
        }
        #expect(S(nonZeroBytesVartime: Secp256k1.n.bigEndianBytes) == nil)
        #expect(S(nonZeroBytesVartime: [UInt8](repeating: 0, count: 32)) == nil)
        #expect(S(nonZeroBytesVartime: [UInt8](repeating: 0xFF, count: 32)) == nil)
        #expect(S(nonZeroBytesVartime: [UInt8](repeating: 1, count: 31)) == nil)
        #expect(S(nonZeroBytesVartime: Secp256k1.n.subtractingWithBorrow(.one).difference.bigEndianBytes) != nil)
        #expect(S(reduced: Secp256k1.halfN).isHighVartime == false)
        #expect(S(reduced: Secp256k1.halfN.addingWithCarry(.one).sum).isHighVartime == true)
    }

    @Test("UInt256 decimal and hex text round-trips and rejects overflow")
    func textConversions() {
        var rng = SplitMix64(seed: 15)
        for _ in 0 ..< 100 {
            let v = rng.uint256()
            #expect(UInt256(decimalString: v.decimalString) == v)
            #expect(UInt256(hexString: v.hexString) == v)
            #expect(UInt256(bigEndianBytes: v.bigEndianBytes) == v)
        }
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        #expect(UInt256(decimalString: max) == .max)
        #expect(UInt256.max.decimalString == max)
        #expect(UInt256(decimalString: "115792089237316195423570985008687907853269984665640564039457584007913129639936") == nil)
        #expect(UInt256(decimalString: "") == nil)
        #expect(UInt256(decimalString: "12a") == nil)
        #expect(UInt256(decimalString: "-1") == nil)
        #expect(UInt256(decimalString: "0")?.decimalString == "0")
        #expect(UInt256(decimalString: "10000000000000000000")?.decimalString == "10000000000000000000")
        #expect(UInt256(hexString: "0x" + String(repeating: "f", count: 65)) == nil)
        #expect(UInt256(hexString: "0x0" + String(repeating: "f", count: 64)) == .max)
        #expect(UInt256(hexString: "0x") == nil)
    }

    @Test("GLV split: k1 + k2·λ ≡ k with |k1|, |k2| < 2^128, and λ³ ≡ 1")
    func lambdaSplit() {
        let lambda = S(reduced: S.lambda)
        #expect((lambda * lambda * lambda).value == .one)
        #expect((-lambda).value == S.minusLambda)
        var rng = SplitMix64(seed: 16)
        var ks = Self.values(seed: 17, count: 0) + [S.lambda, S.minusLambda]
        for _ in 0 ..< 300 { ks.append(S(reducing: rng.uint256()).value) }
        for k in ks {
            let split = S(reduced: k).splitLambdaVartime()
            #expect(split.k1.bitWidth <= 128 && split.k2.bitWidth <= 128, "k = \(k.hexString)")
            let k1 = split.k1Negative ? -S(reduced: split.k1) : S(reduced: split.k1)
            let k2 = split.k2Negative ? -S(reduced: split.k2) : S(reduced: split.k2)
            #expect((k1 + k2 * lambda).value == k, "k = \(k.hexString)")
        }
    }
}
