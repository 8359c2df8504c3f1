/// Big-endian bytes, decimal and hexadecimal text for `UInt256`.
extension UInt256 {
    /// The value of up to 32 big-endian bytes (fewer bytes are left-padded with zeros); nil when longer.
    public init?(bigEndianBytes bytes: some Collection<UInt8>) {
        guard bytes.count <= 32 else { return nil }
        var limbs: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var position = bytes.count - 1
        for byte in bytes {
            let shift = UInt64((position & 7) * 8)
            switch position >> 3 {
            case 0: limbs.0 |= UInt64(byte) << shift
            case 1: limbs.1 |= UInt64(byte) << shift
            case 2: limbs.2 |= UInt64(byte) << shift
            default: limbs.3 |= UInt64(byte) << shift
            }
            position -= 1
        }
        self.init(l0: limbs.0, l1: limbs.1, l2: limbs.2, l3: limbs.3)
    }

    /// The 32 big-endian bytes of the value.
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        writeBigEndian(into: &out, at: 0)
        return out
    }

    /// Writes the 32 big-endian bytes into `buffer[offset ..< offset + 32]`.
    @inline(__always)
    func writeBigEndian(into buffer: inout [UInt8], at offset: Int) {
        for index in 0 ..< 32 {
            let limbIndex = 3 - index >> 3
            let shift = UInt64(56 - (index & 7) * 8)
            buffer[offset + index] = UInt8(truncatingIfNeeded: limb(limbIndex) >> shift)
        }
    }

    /// The value of a decimal string of digits only (no sign, no spaces); nil when empty,
    /// malformed, or 2^256 or more.
    public init?(decimalString text: some StringProtocol) {
        guard !text.isEmpty else { return nil }
        var value = UInt256.zero
        for scalar in text.utf8 {
            guard scalar >= 0x30, scalar <= 0x39 else { return nil }
            let (product, high) = value.multipliedAdding(10, UInt64(scalar - 0x30))
            guard high == 0 else { return nil }
            value = product
        }
        self = value
    }

    /// The value of a hexadecimal string with an optional `0x`/`0X` prefix, at most 64 digits
    /// (leading zeros allowed beyond that); nil when empty or malformed.
    public init?(hexString text: some StringProtocol) {
        var digits = Substring(text)
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty else { return nil }
        var value = UInt256.zero
        for scalar in digits.utf8 {
            let nibble: UInt8
            switch scalar {
            case 0x30 ... 0x39: nibble = scalar - 0x30
            case 0x61 ... 0x66: nibble = scalar - 0x61 + 10
            case 0x41 ... 0x46: nibble = scalar - 0x41 + 10
            default: return nil
            }
            guard value.l3 >> 60 == 0 else { return nil }
            value = UInt256(l0: (value.l0 << 4) | UInt64(nibble), l1: (value.l1 << 4) | (value.l0 >> 60),
                            l2: (value.l2 << 4) | (value.l1 >> 60), l3: (value.l3 << 4) | (value.l2 >> 60))
        }
        self = value
    }

    /// `(self / divisor, self % divisor)` for a non-zero 64-bit divisor.
    func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        var remainder: UInt64 = 0
        var q: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        (q.3, remainder) = divisor.dividingFullWidth((remainder, l3))
        (q.2, remainder) = divisor.dividingFullWidth((remainder, l2))
        (q.1, remainder) = divisor.dividingFullWidth((remainder, l1))
        (q.0, remainder) = divisor.dividingFullWidth((remainder, l0))
        return (UInt256(l0: q.0, l1: q.1, l2: q.2, l3: q.3), remainder)
    }

    /// The value in decimal, without leading zeros ("0" for zero).
    public var decimalString: String {
        if isZero { return "0" }
        var chunks: [UInt64] = []
        var rest = self
        while !rest.isZero {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
            chunks.append(remainder)
            rest = quotient
        }
        var text = String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }

    /// `0x` and 64 lowercase hexadecimal digits.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]("0x".utf8)
        out.reserveCapacity(66)
        for byte in bigEndianBytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension UInt256: CustomStringConvertible {
    /// The decimal form.
    public var description: String { decimalString }
}
