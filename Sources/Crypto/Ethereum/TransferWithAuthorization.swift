/// An EIP-3009 `TransferWithAuthorization` (USDC's gasless transfer, used by x402 "exact"
/// payments on EVM chains) with its EIP-712 domain.
public struct TransferWithAuthorization: Sendable, Hashable {
    /// The token's EIP-712 domain (name, version, chainId, verifyingContract).
    public struct Domain: Sendable, Hashable {
        /// The token's EIP-712 name, e.g. "USD Coin" (Base) or "USDC" (Base Sepolia).
        public var name: String
        /// The token's EIP-712 version, "2" for USDC.
        public var version: String
        /// The chain id, e.g. 8453 for Base.
        public var chainId: UInt256
        /// The token contract.
        public var verifyingContract: EthereumAddress

        /// A domain with these members.
        public init(name: String, version: String, chainId: UInt256, verifyingContract: EthereumAddress) {
            self.name = name
            self.version = version
            self.chainId = chainId
            self.verifyingContract = verifyingContract
        }
    }

    /// The EIP-712 domain.
    public var domain: Domain
    /// The payer (the signer).
    public var from: EthereumAddress
    /// The payee.
    public var to: EthereumAddress
    /// The amount in the token's atomic units.
    public var value: UInt256
    /// Valid only after this Unix time (seconds).
    public var validAfter: UInt256
    /// Valid only before this Unix time (seconds).
    public var validBefore: UInt256
    /// The 32-byte unique nonce.
    public let nonce: [UInt8]

    /// An authorization from typed members; `nonce` must be 32 bytes.
    public init(domain: Domain, from: EthereumAddress, to: EthereumAddress, value: UInt256, validAfter: UInt256,
                validBefore: UInt256, nonce: [UInt8]) throws(EIP712Error) {
        guard nonce.count == 32 else { throw EIP712Error("nonce", "expected 32 bytes, got \(nonce.count)") }
        self.domain = domain
        self.from = from
        self.to = to
        self.value = value
        self.validAfter = validAfter
        self.validBefore = validBefore
        self.nonce = nonce
    }

    /// An authorization from text as it appears in x402 payloads: EIP-55 (or all-lower/upper)
    /// addresses, decimal integer strings of any size below 2^256, and a 0x-hex 32-byte nonce.
    /// Errors name the member at fault.
    public init(domainName: String, domainVersion: String, chainId: String, verifyingContract: String,
                from: String, to: String, value: String, validAfter: String, validBefore: String,
                nonce: String) throws(EIP712Error) {
        func address(_ text: String, _ name: String) throws(EIP712Error) -> EthereumAddress {
            do { return try EthereumAddress(text) } catch { throw EIP712Error(name, error.description) }
        }
        func integer(_ text: String, _ name: String) throws(EIP712Error) -> UInt256 {
            guard let v = UInt256(decimalString: text) else {
                throw EIP712Error(name, "'\(text)' is not a non-negative decimal integer below 2^256")
            }
            return v
        }
        let nonceBytes: [UInt8]
        do { nonceBytes = try Hex.decode(nonce) } catch { throw EIP712Error("nonce", "not hex: \(error)") }
        let domain = Domain(name: domainName, version: domainVersion, chainId: try integer(chainId, "domain.chainId"),
                            verifyingContract: try address(verifyingContract, "domain.verifyingContract"))
        try self.init(domain: domain, from: try address(from, "from"), to: try address(to, "to"),
                      value: try integer(value, "value"), validAfter: try integer(validAfter, "validAfter"),
                      validBefore: try integer(validBefore, "validBefore"), nonce: nonceBytes)
    }

    /// "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)".
    public static let domainTypeString =
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    /// The EIP-3009 struct type string.
    public static let typeString =
        "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"

    /// hashStruct(EIP712Domain, domain), computed directly.
    public var domainSeparator: [UInt8] {
        var data = Keccak256.hash(Array(Self.domainTypeString.utf8))
        data += Keccak256.hash(Array(domain.name.utf8))
        data += Keccak256.hash(Array(domain.version.utf8))
        data += domain.chainId.bigEndianBytes
        data += [UInt8](repeating: 0, count: 12) + domain.verifyingContract.bytes
        return Keccak256.hash(data)
    }

    /// hashStruct(TransferWithAuthorization, message), computed directly.
    public var structHash: [UInt8] {
        var data = Keccak256.hash(Array(Self.typeString.utf8))
        data += [UInt8](repeating: 0, count: 12) + from.bytes
        data += [UInt8](repeating: 0, count: 12) + to.bytes
        data += value.bigEndianBytes + validAfter.bigEndianBytes + validBefore.bigEndianBytes + nonce
        return Keccak256.hash(data)
    }

    /// The EIP-712 digest keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash).
    public var digest: [UInt8] { Keccak256.hash([0x19, 0x01] + domainSeparator + structHash) }

    /// Signs the digest: 65 bytes r ‖ s ‖ v, low s, v 27/28 (what USDC's
    /// `transferWithAuthorization(…, bytes signature)` accepts).
    public func sign(with key: EthereumPrivateKey) -> EthereumSignature {
        (try? key.sign(digest: digest))!  // the digest is always 32 bytes
    }

    /// Whether `signature` recovers to `from` under USDC's rules (low s, v 27/28); variable-time.
    public func isValidSignatureVartime(_ signature: EthereumSignature) -> Bool {
        EthereumPublicKey.isValidSignatureVartime(digest: digest, signature: signature, signer: from)
    }
}
