public import JSON

/// One member of an EIP-712 struct type: `{"name": …, "type": …}`.
public struct EIP712Field: Sendable, Hashable {
    /// The member name.
    public var name: String
    /// Its type: an atomic type, a struct name, `string`, `bytes`, or any of these with `[]`/`[k]`.
    public var type: String

    /// The member `name` of type `type`.
    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }
}

/// EIP-712 typed structured data in the `eth_signTypedData_v4` JSON shape
/// (`types`, `primaryType`, `domain`, `message`), for any struct types.
///
/// `digest()` is keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(primaryType, message)).
/// When `types` has no `EIP712Domain`, the domain type is inferred from the domain's keys in the
/// canonical order name, version, chainId, verifyingContract, salt (as eth-account and ethers do).
public struct EIP712TypedData: Sendable {
    /// The struct types by name, members in declaration order.
    public let types: [String: [EIP712Field]]
    /// The type of `message`.
    public let primaryType: String
    /// The domain object.
    public let domain: JSONValue
    /// The message object.
    public let message: JSONValue

    /// The canonical EIP712Domain members, in order.
    static let canonicalDomainFields: [EIP712Field] = [
        EIP712Field(name: "name", type: "string"), EIP712Field(name: "version", type: "string"),
        EIP712Field(name: "chainId", type: "uint256"), EIP712Field(name: "verifyingContract", type: "address"),
        EIP712Field(name: "salt", type: "bytes32"),
    ]

    /// Typed data from its parts; `types` may omit `EIP712Domain`.
    public init(types: [String: [EIP712Field]], primaryType: String, domain: JSONValue,
                message: JSONValue) throws(EIP712Error) {
        var allTypes = types
        if allTypes["EIP712Domain"] == nil {
            guard let object = domain.objectValue else { throw EIP712Error("domain", "must be an object") }
            for key in object.keys where !Self.canonicalDomainFields.contains(where: { $0.name == key }) {
                throw EIP712Error("domain.\(key)", "is not an EIP712Domain field and types has no EIP712Domain")
            }
            allTypes["EIP712Domain"] = Self.canonicalDomainFields.filter { object[$0.name] != nil }
        }
        guard allTypes[primaryType] != nil else {
            throw EIP712Error("primaryType", "'\(primaryType)' is not defined in types")
        }
        self.types = allTypes
        self.primaryType = primaryType
        self.domain = domain
        self.message = message
    }

    /// Typed data from the `eth_signTypedData_v4` JSON object.
    public init(json: JSONValue) throws(EIP712Error) {
        guard let root = json.objectValue else { throw EIP712Error("", "typed data must be a JSON object") }
        guard let typesObject = root["types"]?.objectValue else { throw EIP712Error("types", "missing or not an object") }
        var types: [String: [EIP712Field]] = [:]
        for (typeName, members) in typesObject {
            guard let list = members.arrayValue else { throw EIP712Error("types.\(typeName)", "must be an array") }
            var fields: [EIP712Field] = []
            for (index, member) in list.enumerated() {
                guard let name = member["name"]?.stringValue, let type = member["type"]?.stringValue else {
                    throw EIP712Error("types.\(typeName)[\(index)]", "needs string 'name' and 'type'")
                }
                guard !fields.contains(where: { $0.name == name }) else {
                    throw EIP712Error("types.\(typeName)[\(index)]", "duplicate member name '\(name)'")
                }
                fields.append(EIP712Field(name: name, type: type))
            }
            types[typeName] = fields
        }
        guard let primaryType = root["primaryType"]?.stringValue else {
            throw EIP712Error("primaryType", "missing or not a string")
        }
        guard let domain = root["domain"], domain.objectValue != nil else {
            throw EIP712Error("domain", "missing or not an object")
        }
        guard let message = root["message"] else { throw EIP712Error("message", "missing") }
        try self.init(types: types, primaryType: primaryType, domain: domain, message: message)
    }

    /// Typed data from JSON text.
    public init(jsonText: String) throws(EIP712Error) {
        let value: JSONValue
        do { value = try JSONValue.parse(jsonText) } catch { throw EIP712Error("", "not JSON: \(error)") }
        try self.init(json: value)
    }
}
