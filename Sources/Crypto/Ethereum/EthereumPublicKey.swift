/// A secp256k1 public key: a finite curve point.
public struct EthereumPublicKey: Sendable, Hashable {
    /// The point.
    let point: Secp256k1.AffinePoint

    /// The key for a point known to be on the curve.
    init(point: Secp256k1.AffinePoint) { self.point = point }

    /// Parses 65 bytes (0x04 ‖ x ‖ y), 64 bytes (x ‖ y) or 33 bytes (0x02/0x03 ‖ x), checking the
    /// point is on the curve; variable-time (public data).
    public init(bytesVartime bytes: some Collection<UInt8>) throws(EthereumCryptoError) {
        let b = Array(bytes)
        switch b.count {
        case 65, 64:
            let body = b.count == 65 ? Array(b[1...]) : b
            if b.count == 65, b[0] != 4 { throw .invalidPublicKey("65-byte key must start with 0x04") }
            guard let x = Secp256k1.FieldElement(bytesVartime: body[0 ..< 32]),
                  let y = Secp256k1.FieldElement(bytesVartime: body[32 ..< 64]) else {
                throw .invalidPublicKey("coordinate not below p")
            }
            let p = Secp256k1.AffinePoint(x: x, y: y)
            guard p.isOnCurveVartime else { throw .invalidPublicKey("point is not on secp256k1") }
            point = p
        case 33:
            guard b[0] == 2 || b[0] == 3 else { throw .invalidPublicKey("33-byte key must start with 0x02 or 0x03") }
            guard let x = Secp256k1.FieldElement(bytesVartime: b[1...]) else {
                throw .invalidPublicKey("x not below p")
            }
            guard let p = Secp256k1.decompressVartime(x: x, odd: b[0] == 3) else {
                throw .invalidPublicKey("no curve point has this x")
            }
            point = p
        default:
            throw .invalidPublicKey("expected 33, 64 or 65 bytes, got \(b.count)")
        }
    }

    /// 0x04 ‖ x ‖ y (65 bytes).
    public var uncompressed: [UInt8] { [4] + point.x.bytes + point.y.bytes }

    /// 0x02 or 0x03 (y parity) ‖ x (33 bytes).
    public var compressed: [UInt8] { [point.y.isOddBit == 1 ? 3 : 2] + point.x.bytes }

    /// The Ethereum address: the last 20 bytes of keccak256(x ‖ y).
    public var address: EthereumAddress {
        var hasher = Keccak256()
        hasher.update(bytes: point.x.bytes)
        hasher.update(bytes: point.y.bytes)
        return EthereumAddress(unchecked: Array(hasher.finalize()[12...]))
    }

    /// Equal when the points are equal.
    public static func == (lhs: EthereumPublicKey, rhs: EthereumPublicKey) -> Bool {
        lhs.point.equalsVartime(rhs.point)
    }

    /// Hashes the uncompressed encoding.
    public func hash(into hasher: inout Hasher) { hasher.combine(uncompressed) }
}
