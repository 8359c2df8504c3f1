/// An Ethereum ECDSA signature r ‖ s ‖ v (65 bytes), v = 27 + recovery id when we produce it.
///
/// Parsing keeps any v byte so that validation can say why it is refused; the recovery
/// functions accept only 27 and 28.
public struct EthereumSignature: Sendable, Hashable, CustomStringConvertible {
    /// r as an integer.
    public var r: UInt256
    /// s as an integer.
    public var s: UInt256
    /// The recovery byte: 27 or 28 for canonical signatures.
    public var v: UInt8

    /// The signature with these components.
    public init(r: UInt256, s: UInt256, v: UInt8) {
        self.r = r
        self.s = s
        self.v = v
    }

    /// Parses r ‖ s ‖ v from exactly 65 bytes (no range checks here).
    public init(bytes: some Collection<UInt8>) throws(EthereumCryptoError) {
        let b = Array(bytes)
        guard b.count == 65 else { throw .invalidSignature("expected 65 bytes, got \(b.count)") }
        r = UInt256(bigEndianBytes: b[0 ..< 32])!
        s = UInt256(bigEndianBytes: b[32 ..< 64])!
        v = b[64]
    }

    /// Parses 130 hex digits (optional 0x prefix).
    public init(hex: String) throws(EthereumCryptoError) {
        let decoded: [UInt8]
        do { decoded = try Hex.decode(hex) } catch { throw .invalidSignature("not hex: \(error)") }
        try self.init(bytes: decoded)
    }

    /// r ‖ s ‖ v, 65 bytes.
    public var bytes: [UInt8] { r.bigEndianBytes + s.bigEndianBytes + [v] }

    /// 0x-prefixed lowercase hex of the 65 bytes, as wallets print it.
    public var hex: String { Hex.encode(bytes) }

    /// The hex form.
    public var description: String { hex }

    /// The recovery id v − 27 when v is 27 or 28, else nil.
    public var recoveryID: UInt8? { v == 27 || v == 28 ? v - 27 : nil }
}
