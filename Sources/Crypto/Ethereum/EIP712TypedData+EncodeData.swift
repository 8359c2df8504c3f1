public import JSON

extension EIP712TypedData {
    /// keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(primaryType, message)); when the
    /// primary type is EIP712Domain itself, keccak256(0x19 0x01 ‖ domainSeparator) as MetaMask does.
    public func digest() throws(EIP712Error) -> [UInt8] {
        var hasher = Keccak256()
        hasher.update(bytes: [0x19, 0x01])
        hasher.update(bytes: try domainSeparator())
        if primaryType != "EIP712Domain" { hasher.update(bytes: try structHash()) }
        return hasher.finalize()
    }

    /// hashStruct(EIP712Domain, domain).
    public func domainSeparator() throws(EIP712Error) -> [UInt8] {
        try hashStruct("EIP712Domain", domain, path: "domain")
    }

    /// hashStruct(primaryType, message).
    public func structHash() throws(EIP712Error) -> [UInt8] {
        try hashStruct(primaryType, message, path: "message")
    }

    /// keccak256(encodeData(typeName, value)).
    public func hashStruct(_ typeName: String, _ value: JSONValue, path: String) throws(EIP712Error) -> [UInt8] {
        Keccak256.hash(try encodeData(typeName, value, path: path))
    }

    /// encodeData: typeHash ‖ the 32-byte encoding of each member in declaration order.
    /// Members missing from `value` are errors; extra members are ignored.
    public func encodeData(_ typeName: String, _ value: JSONValue, path: String) throws(EIP712Error) -> [UInt8] {
        guard let fields = types[typeName] else { throw EIP712Error(path, "unknown type '\(typeName)'") }
        guard let object = value.objectValue else {
            throw EIP712Error(path, "expected an object for struct \(typeName), got \(value.typeName)")
        }
        var out = try typeHash(typeName)
        out.reserveCapacity(32 * (fields.count + 1))
        for field in fields {
            let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
            guard let member = object[field.name] else { throw EIP712Error(fieldPath, "missing field of type \(field.type)") }
            out += try encodeField(type: field.type, value: member, path: fieldPath)
        }
        return out
    }

    /// The 32-byte encoding of one value: structs by hashStruct, arrays by keccak256 of their
    /// elements' encodings, string and bytes by keccak256 of their contents, atomics padded.
    func encodeField(type: String, value: JSONValue, path: String) throws(EIP712Error) -> [UInt8] {
        guard let parsed = Self.parseArraySuffixes(type) else { throw EIP712Error(path, "malformed type '\(type)'") }
        if let outer = parsed.dimensions.last {
            guard let items = value.arrayValue else {
                throw EIP712Error(path, "expected an array for \(type), got \(value.typeName)")
            }
            if let length = outer, items.count != length {
                throw EIP712Error(path, "expected \(length) elements for \(type), got \(items.count)")
            }
            let elementType = String(type[..<type.lastIndex(of: "[")!])
            var hasher = Keccak256()
            for (index, item) in items.enumerated() {
                hasher.update(bytes: try encodeField(type: elementType, value: item, path: "\(path)[\(index)]"))
            }
            return hasher.finalize()
        }
        if types[type] != nil { return try hashStruct(type, value, path: path) }
        return try Self.encodeAtomic(type: type, value: value, path: path)
    }
}
