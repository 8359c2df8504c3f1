/// A 20-byte Ethereum account address, printed with its EIP-55 checksum.
public struct EthereumAddress: Sendable, Hashable, CustomStringConvertible {
    /// The 20 bytes.
    public let bytes: [UInt8]

    /// Wraps 20 bytes that the caller has already validated.
    init(unchecked bytes: [UInt8]) { self.bytes = bytes }

    /// The address for exactly 20 bytes.
    public init(bytes: some Collection<UInt8>) throws(EthereumCryptoError) {
        guard bytes.count == 20 else { throw .invalidAddress("expected 20 bytes, got \(bytes.count)") }
        self.bytes = Array(bytes)
    }

    /// Parses 40 hex digits with an optional 0x prefix under EIP-55: all-lowercase and
    /// all-uppercase digits are accepted as unchecksummed; mixed case must match the checksum.
    public init(_ text: String) throws(EthereumCryptoError) {
        var digits = Substring(text)
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        guard digits.utf8.count == 40 else {
            throw .invalidAddress("'\(text)' must be 40 hex digits after 0x, got \(digits.utf8.count)")
        }
        let decoded: [UInt8]
        do { decoded = try Hex.decode(String(digits)) } catch { throw .invalidAddress("'\(text)' is not hex: \(error)") }
        let hasLower = digits.utf8.contains { (0x61 ... 0x66).contains($0) }
        let hasUpper = digits.utf8.contains { (0x41 ... 0x46).contains($0) }
        bytes = decoded
        if hasLower && hasUpper, checksummed.utf8.dropFirst(2).elementsEqual(digits.utf8) == false {
            throw .invalidAddress("'\(text)' fails its EIP-55 checksum (expected \(checksummed))")
        }
    }

    /// The EIP-55 form: 0x and hex digits whose letters are uppercase where the matching nibble of
    /// keccak256(lowercase hex) is 8 or more.
    public var checksummed: String {
        let lower = Array(Hex.encode(bytes, prefix: false).utf8)
        let hash = Keccak256.hash(lower)
        var out = [UInt8]("0x".utf8)
        out.reserveCapacity(42)
        for (i, c) in lower.enumerated() {
            let nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0F
            out.append(c >= 0x61 && nibble >= 8 ? c - 0x20 : c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// 0x and 40 lowercase hex digits.
    public var lowercased: String { Hex.encode(bytes) }

    /// The EIP-55 checksummed form.
    public var description: String { checksummed }

    /// Whether `text` is a valid address under EIP-55 (see `init(_:)`).
    public static func isValid(_ text: String) -> Bool { (try? EthereumAddress(text)) != nil }
}
