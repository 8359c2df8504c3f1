import JSON

extension EIP712TypedData {
    /// The 32-byte encoding of an atomic value, or keccak256 of a `string`/`bytes` value.
    static func encodeAtomic(type: String, value: JSONValue, path: String) throws(EIP712Error) -> [UInt8] {
        switch type {
        case "address":
            guard let text = value.stringValue else { throw EIP712Error(path, "expected an address string, got \(value.typeName)") }
            let address: EthereumAddress
            do { address = try EthereumAddress(text) } catch { throw EIP712Error(path, error.description) }
            return [UInt8](repeating: 0, count: 12) + address.bytes
        case "bool":
            guard let flag = value.boolValue else { throw EIP712Error(path, "expected a boolean, got \(value.typeName)") }
            return UInt256(flag ? 1 : 0).bigEndianBytes
        case "string":
            guard let text = value.stringValue else { throw EIP712Error(path, "expected a string, got \(value.typeName)") }
            return Keccak256.hash(Array(text.utf8))
        case "bytes":
            return Keccak256.hash(try hexBytes(value, path: path, type: type))
        default:
            break
        }
        if let length = fixedBytesLength(type) {
            let bytes = try hexBytes(value, path: path, type: type)
            guard bytes.count == length else {
                throw EIP712Error(path, "expected exactly \(length) bytes for \(type), got \(bytes.count)")
            }
            return bytes + [UInt8](repeating: 0, count: 32 - length)
        }
        if let (signed, bits) = integerType(type) {
            return try encodeInteger(value, signed: signed, bits: bits, type: type, path: path).bigEndianBytes
        }
        throw EIP712Error(path, "unknown type '\(type)'")
    }

    /// The bytes of a 0x-hex string value.
    private static func hexBytes(_ value: JSONValue, path: String, type: String) throws(EIP712Error) -> [UInt8] {
        guard let text = value.stringValue else {
            throw EIP712Error(path, "expected a 0x-hex string for \(type), got \(value.typeName)")
        }
        do { return try Hex.decode(text) } catch { throw EIP712Error(path, "\(type) value is not hex: \(error)") }
    }

    /// The two's-complement 256-bit word of an integer value given as a JSON integer, an exactly
    /// integral JSON number up to 2^53, or a decimal or 0x-hex string with an optional leading
    /// minus; range-checked against `type`.
    static func encodeInteger(_ value: JSONValue, signed: Bool, bits: Int, type: String,
                              path: String) throws(EIP712Error) -> UInt256 {
        let (negative, magnitude) = try integerParts(value, type: type, path: path)
        let outOfRange = EIP712Error(path, "value \(negative ? "-" : "")\(magnitude) out of range for \(type)")
        if !signed {
            guard !negative || magnitude.isZero else { throw outOfRange }
            guard magnitude.bitWidth <= bits else { throw outOfRange }
            return magnitude
        }
        if negative && !magnitude.isZero {
            // −2^(bits−1) ≤ v: |v| − 1 fits in bits − 1 bits.
            guard magnitude.subtractingWithBorrow(.one).difference.bitWidth <= bits - 1 else { throw outOfRange }
            let inverted = UInt256(l0: ~magnitude.l0, l1: ~magnitude.l1, l2: ~magnitude.l2, l3: ~magnitude.l3)
            return inverted.addingWithCarry(.one).sum
        }
        guard magnitude.bitWidth <= bits - 1 else { throw outOfRange }
        return magnitude
    }

    /// (negative, magnitude) of an integer value.
    private static func integerParts(_ value: JSONValue, type: String,
                                     path: String) throws(EIP712Error) -> (Bool, UInt256) {
        switch value {
        case .integer(let i):
            return (i < 0, UInt256(i.magnitude))
        case .number(let d):
            guard d.rounded() == d, abs(d) <= 9_007_199_254_740_992 else {
                throw EIP712Error(path, "number \(d) is not an exact integer for \(type); pass it as a decimal string")
            }
            return (d < 0, UInt256(UInt64(abs(d))))
        case .lexeme(let lexeme) where lexeme.doubleValue != nil:
            return try integerParts(.number(lexeme.doubleValue!), type: type, path: path)
        case .string(let text):
            var digits = Substring(text)
            let negative = digits.hasPrefix("-")
            if negative { digits = digits.dropFirst() }
            let parsed: UInt256?
            if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
                parsed = UInt256(hexString: digits)
            } else {
                parsed = UInt256(decimalString: digits)
            }
            guard let magnitude = parsed else {
                throw EIP712Error(path, "'\(text)' is not a decimal or 0x-hex integer below 2^256 for \(type)")
            }
            return (negative, magnitude)
        default:
            throw EIP712Error(path, "expected an integer or a decimal string for \(type), got \(value.typeName)")
        }
    }
}
