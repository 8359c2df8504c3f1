import JSON
import Testing
@testable import Crypto

/// EIP-712 TransferWithAuthorization vectors (every intermediate hash), the negative cases, and
/// the EIP's own `Mail` example.
@Suite("EIP-712 typed data")
struct EIP712VectorTests {
    /// One `eip712_transfer_with_authorization.messages` row.
    struct MessageRow: Sendable, CustomTestStringConvertible {
        /// The vector's JSON.
        let row: JSONValue
        /// The label Swift Testing shows.
        var testDescription: String { ECVectors.string(row, "label") }
    }

    /// The section.
    static let section = ECVectors.root["eip712_transfer_with_authorization"]!
    /// Its 10 messages.
    static let messages = (section["messages"]?.arrayValue ?? []).map(MessageRow.init)

    @Test("the section has 10 messages, 2 domains, 4 negative cases")
    func counts() {
        #expect(Self.messages.count == 10)
        #expect(Self.section["domains"]?.objectValue?.count == 2)
        #expect(Self.section["negative"]?.arrayValue?.count == 4)
    }

    /// The encodeData bytes of the domain as the generic encoder produces them.
    static func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

    @Test("generic encoder: type hashes, encodings, separator, struct hash, digest", arguments: messages)
    func genericIntermediates(_ vector: MessageRow) throws {
        let row = vector.row
        let typed = try EIP712TypedData(json: row["typed_data"]!)
        #expect(Self.hex(try typed.typeHash("EIP712Domain")) == ECVectors.string(row, "domain_typehash"))
        #expect(Self.hex(try typed.encodeData("EIP712Domain", typed.domain, path: "domain")) == ECVectors.string(row, "domain_encoded"))
        #expect(Self.hex(try typed.domainSeparator()) == ECVectors.string(row, "domain_separator"))
        #expect(Self.hex(try typed.typeHash("TransferWithAuthorization")) == ECVectors.string(row, "struct_typehash"))
        #expect(Self.hex(try typed.encodeData("TransferWithAuthorization", typed.message, path: "message"))
            == ECVectors.string(row, "struct_encoded"))
        #expect(Self.hex(try typed.structHash()) == ECVectors.string(row, "struct_hash"))
        #expect(Self.hex(try typed.digest()) == ECVectors.string(row, "digest"))
    }

    @Test("EIP-3009 helper: digest, nonce k, signature byte for byte, high-s twin refused", arguments: messages)
    func transferHelper(_ vector: MessageRow) throws {
        let row = vector.row
        let domain = row["typed_data"]!["domain"]!
        let message = row["typed_data"]!["message"]!
        let transfer = try TransferWithAuthorization(
            domainName: domain["name"]!.stringValue!, domainVersion: domain["version"]!.stringValue!,
            chainId: String(domain["chainId"]!.integerValue!),
            verifyingContract: domain["verifyingContract"]!.stringValue!,
            from: message["from"]!.stringValue!, to: message["to"]!.stringValue!,
            value: message["value"]!.stringValue!, validAfter: message["validAfter"]!.stringValue!,
            validBefore: message["validBefore"]!.stringValue!, nonce: message["nonce"]!.stringValue!)
        #expect(Self.hex(transfer.domainSeparator) == ECVectors.string(row, "domain_separator"))
        #expect(Self.hex(transfer.structHash) == ECVectors.string(row, "struct_hash"))
        #expect(Self.hex(transfer.digest) == ECVectors.string(row, "digest"))
        #expect(Self.hex(try transfer.typedData.digest()) == ECVectors.string(row, "digest"))

        let key = try EthereumPrivateKey(hex: ECVectors.string(row, "signer_private_key"))
        #expect(key.address.checksummed == ECVectors.string(row, "signer_address"))
        var nonces = Secp256k1.RFC6979Nonces(privateKey: key.scalar, digest: transfer.digest)
        #expect(Self.hex(nonces.next().bytes) == ECVectors.string(row, "rfc6979_k"))
        let signature = transfer.sign(with: key)
        #expect(signature.r.hexString == ECVectors.string(row, "r"))
        #expect(signature.s.hexString == ECVectors.string(row, "s"))
        #expect(Int(signature.v) == Int(row["v"]!.integerValue!))
        #expect(signature.hex == ECVectors.string(row, "signature"))
        #expect(try key.signTypedData(EIP712TypedData(json: row["typed_data"]!)) == signature)
        #expect(transfer.isValidSignatureVartime(signature))
        #expect(!transfer.isValidSignatureVartime(try EthereumSignature(hex: ECVectors.string(row, "high_s_variant_must_reject"))))
    }

    @Test("the two domain entries: type hash, encoding, separator")
    func domains() throws {
        for (network, entry) in Self.section["domains"]!.objectValue! {
            let typed = try EIP712TypedData(types: [:], primaryType: "EIP712Domain", domain: entry["domain"]!, message: [:])
            #expect(Self.hex(try typed.typeHash("EIP712Domain")) == ECVectors.string(entry, "domain_typehash"), "\(network)")
            #expect(Self.hex(try typed.encodeData("EIP712Domain", typed.domain, path: "domain")) == ECVectors.string(entry, "domain_encoded"))
            #expect(Self.hex(try typed.domainSeparator()) == ECVectors.string(entry, "domain_separator"))
        }
    }

    /// One negative case.
    struct NegativeRow: Sendable, CustomTestStringConvertible {
        /// The vector's JSON.
        let row: JSONValue
        /// The label Swift Testing shows.
        var testDescription: String { ECVectors.string(row, "why") }
    }

    /// The 4 negative cases.
    static let negatives = (section["negative"]?.arrayValue ?? []).map(NegativeRow.init)

    @Test("negative cases never validate against the expected signer", arguments: negatives)
    func negative(_ vector: NegativeRow) throws {
        let row = vector.row
        #expect(ECVectors.string(row, "expected").hasPrefix("INVALID"))
        let typed = try EIP712TypedData(json: row["typed_data"]!)
        let signature = try EthereumSignature(hex: ECVectors.string(row, "signature"))
        let signer = try EthereumAddress(ECVectors.string(row, "expected_signer"))
        #expect(!EthereumPublicKey.isValidSignatureVartime(digest: try typed.digest(), signature: signature, signer: signer))
    }

    /// The `Mail` example of EIP-712 as JSON text.
    static let mailJSON = """
    {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},
      {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
      "Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
      "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]},
     "primaryType":"Mail",
     "domain":{"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
     "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
                "to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}
    """

    @Test("the EIP's Mail example: encodeType, hashes, and the EIP's signature by keccak256('cow')")
    func mailExample() throws {
        let typed = try EIP712TypedData(jsonText: Self.mailJSON)
        #expect(try typed.encodeType("Mail") == "Mail(Person from,Person to,string contents)Person(string name,address wallet)")
        #expect(Self.hex(try typed.typeHash("Mail")) == "0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2")
        #expect(Self.hex(try typed.domainSeparator()) == "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f")
        #expect(Self.hex(try typed.structHash()) == "0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e")
        #expect(Self.hex(try typed.digest()) == "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2")
        let key = try EthereumPrivateKey(bytes: Keccak256.hash(Array("cow".utf8)))
        #expect(key.address.checksummed == "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826")
        let signature = try key.signTypedData(typed)
        #expect(signature.v == 28)
        #expect(signature.r.hexString == "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d")
        #expect(signature.s.hexString == "0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562")
    }
}
