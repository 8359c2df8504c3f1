public import JSON

extension TransferWithAuthorization {
    /// The `eth_signTypedData_v4` JSON for this authorization: integers as decimal strings
    /// (chainId as a JSON integer when it fits), addresses EIP-55, the nonce as 0x-hex.
    public var typedDataJSON: JSONValue {
        let chainId: JSONValue = domain.chainId.bitWidth < 63
            ? .integer(Int64(domain.chainId.l0)) : .string(domain.chainId.decimalString)
        let fields: (String, String) -> JSONValue = { name, type in ["name": .string(name), "type": .string(type)] }
        return [
            "types": [
                "EIP712Domain": [fields("name", "string"), fields("version", "string"), fields("chainId", "uint256"),
                                 fields("verifyingContract", "address")],
                "TransferWithAuthorization": [fields("from", "address"), fields("to", "address"),
                                              fields("value", "uint256"), fields("validAfter", "uint256"),
                                              fields("validBefore", "uint256"), fields("nonce", "bytes32")],
            ],
            "primaryType": "TransferWithAuthorization",
            "domain": ["name": .string(domain.name), "version": .string(domain.version), "chainId": chainId,
                       "verifyingContract": .string(domain.verifyingContract.checksummed)],
            "message": ["from": .string(from.checksummed), "to": .string(to.checksummed),
                        "value": .string(value.decimalString), "validAfter": .string(validAfter.decimalString),
                        "validBefore": .string(validBefore.decimalString), "nonce": .string(Hex.encode(nonce))],
        ]
    }

    /// The same data as a generic `EIP712TypedData` (its digest equals `digest`).
    public var typedData: EIP712TypedData {
        // The JSON built above always satisfies the typed-data rules.
        (try? EIP712TypedData(json: typedDataJSON))!
    }
}
