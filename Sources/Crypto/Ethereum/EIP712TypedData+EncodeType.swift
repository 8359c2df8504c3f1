extension EIP712TypedData {
    /// A type string split into its element type and array dimensions, outermost last:
    /// `Person[][3]` → ("Person", [nil, 3]).
    struct ParsedType {
        /// The type with every array suffix removed.
        var base: String
        /// The array dimensions from innermost to outermost; nil for a dynamic `[]`.
        var dimensions: [Int?]
    }

    /// Splits array suffixes off `type`; nil when a suffix is malformed.
    static func parseArraySuffixes(_ type: String) -> ParsedType? {
        var rest = Substring(type)
        var dimensions: [Int?] = []
        while rest.hasSuffix("]") {
            guard let open = rest.lastIndex(of: "[") else { return nil }
            let inside = rest[rest.index(after: open) ..< rest.index(before: rest.endIndex)]
            if inside.isEmpty {
                dimensions.append(nil)
            } else {
                guard inside.utf8.allSatisfy({ (0x30 ... 0x39).contains($0) }), let k = Int(inside) else { return nil }
                dimensions.append(k)
            }
            rest = rest[..<open]
        }
        guard !rest.isEmpty else { return nil }
        return ParsedType(base: String(rest), dimensions: dimensions.reversed())
    }

    /// The struct types that `typeName` references directly or indirectly (not itself), sorted.
    func dependencies(of typeName: String) throws(EIP712Error) -> [String] {
        var found: Set<String> = []
        var pending = [typeName]
        while let current = pending.popLast() {
            guard let fields = types[current] else { throw EIP712Error("types", "unknown type '\(current)'") }
            for (index, field) in fields.enumerated() {
                guard let parsed = Self.parseArraySuffixes(field.type) else {
                    throw EIP712Error("types.\(current)[\(index)]", "malformed type '\(field.type)'")
                }
                if types[parsed.base] != nil {
                    if parsed.base != typeName, found.insert(parsed.base).inserted { pending.append(parsed.base) }
                } else if !Self.isAtomicOrDynamic(parsed.base) {
                    throw EIP712Error("types.\(current).\(field.name)", "unknown type '\(parsed.base)'")
                }
            }
        }
        return found.sorted()
    }

    /// `encodeType`: "Name(type1 name1,…)" for `typeName` followed by its dependencies sorted by name.
    public func encodeType(_ typeName: String) throws(EIP712Error) -> String {
        var text = ""
        for name in [typeName] + (try dependencies(of: typeName)) {
            let fields = types[name] ?? []
            text += name + "(" + fields.map { "\($0.type) \($0.name)" }.joined(separator: ",") + ")"
        }
        return text
    }

    /// keccak256(encodeType(typeName)).
    public func typeHash(_ typeName: String) throws(EIP712Error) -> [UInt8] {
        Keccak256.hash(Array(try encodeType(typeName).utf8))
    }

    /// Whether `type` (no array suffix) is an atomic type or `string`/`bytes`.
    static func isAtomicOrDynamic(_ type: String) -> Bool {
        switch type {
        case "address", "bool", "string", "bytes": return true
        default: return fixedBytesLength(type) != nil || integerType(type) != nil
        }
    }

    /// N for `bytesN` with 1 ≤ N ≤ 32, else nil.
    static func fixedBytesLength(_ type: String) -> Int? {
        guard type.hasPrefix("bytes"), let n = canonicalNumber(type.dropFirst(5)), (1 ... 32).contains(n) else {
            return nil
        }
        return n
    }

    /// (signed, bits) for `intN`/`uintN` with N a multiple of 8 in 8…256, else nil.
    static func integerType(_ type: String) -> (signed: Bool, bits: Int)? {
        let signed: Bool
        let digits: Substring
        if type.hasPrefix("uint") {
            signed = false
            digits = type.dropFirst(4)
        } else if type.hasPrefix("int") {
            signed = true
            digits = type.dropFirst(3)
        } else {
            return nil
        }
        guard let bits = canonicalNumber(digits), bits % 8 == 0, (8 ... 256).contains(bits) else { return nil }
        return (signed, bits)
    }

    /// The value of decimal digits without a leading zero, else nil.
    private static func canonicalNumber(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.first != "0", digits.utf8.allSatisfy({ (0x30 ... 0x39).contains($0) }) else {
            return nil
        }
        return Int(digits)
    }
}
