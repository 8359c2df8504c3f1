import JSON
import Synchronization
import Testing
@testable import Crypto

/// Private key → public key → address, and EIP-55, against crypto-x402.json.
@Suite("secp256k1 keys and EIP-55 addresses")
struct KeyAndAddressVectorTests {
    /// One `secp256k1_keys` row.
    struct KeyRow: Sendable, CustomTestStringConvertible {
        /// The vector's JSON.
        let row: JSONValue
        /// The label Swift Testing shows.
        var testDescription: String { ECVectors.string(row, "label") }
    }

    /// Every `secp256k1_keys` row.
    static let keyRows = (ECVectors.root["secp256k1_keys"]?.arrayValue ?? []).map(KeyRow.init)

    @Test("the vector file has every section this suite reads")
    func sectionsPresent() {
        #expect(Self.keyRows.count == 13)
        #expect(ECVectors.root["eip55_listed_in_eip"]?.arrayValue?.count == 8)
    }

    @Test("public key, keccak(x‖y), address and EIP-55 form", arguments: keyRows)
    func keyVector(_ vector: KeyRow) throws {
        let row = vector.row
        let key = try EthereumPrivateKey(hex: ECVectors.string(row, "private_key"))
        let publicKey = key.publicKey
        #expect(Hex.encode(publicKey.uncompressed) == ECVectors.string(row, "public_key_uncompressed"))
        #expect(Hex.encode(publicKey.compressed) == ECVectors.string(row, "public_key_compressed"))
        #expect(Hex.encode(Keccak256.hash(publicKey.uncompressed.dropFirst())) == ECVectors.string(row, "keccak256_of_pubkey_xy"))
        #expect(key.address.lowercased == ECVectors.string(row, "address_lowercase"))
        #expect(key.address.checksummed == ECVectors.string(row, "address_eip55"))
        // Parsing both encodings gives the same key back.
        let fromUncompressed = try EthereumPublicKey(bytesVartime: ECVectors.hex(ECVectors.string(row, "public_key_uncompressed")))
        let fromCompressed = try EthereumPublicKey(bytesVartime: ECVectors.hex(ECVectors.string(row, "public_key_compressed")))
        #expect(fromUncompressed == publicKey)
        #expect(fromCompressed == publicKey)
        #expect(try EthereumAddress(ECVectors.string(row, "address_eip55")) == key.address)
        #expect(try EthereumAddress(ECVectors.string(row, "address_lowercase")) == key.address)
    }

    /// One `eip55_listed_in_eip` row.
    struct ChecksumRow: Sendable, CustomTestStringConvertible {
        /// All-lowercase form.
        let lowercase: String
        /// Checksummed form.
        let eip55: String
        /// The label Swift Testing shows.
        var testDescription: String { eip55 }
    }

    /// Every `eip55_listed_in_eip` row.
    static let checksumRows = (ECVectors.root["eip55_listed_in_eip"]?.arrayValue ?? []).map {
        ChecksumRow(lowercase: ECVectors.string($0, "lowercase"), eip55: ECVectors.string($0, "eip55"))
    }

    @Test("EIP-55 examples from the EIP: encode, accept, and reject a flipped letter", arguments: checksumRows)
    func checksumVector(_ row: ChecksumRow) throws {
        let address = try EthereumAddress(row.lowercase)
        #expect(address.checksummed == row.eip55)
        #expect(try EthereumAddress(row.eip55) == address)
        #expect(try EthereumAddress("0x" + row.lowercase.dropFirst(2).uppercased()) == address)
        // Flip the case of one letter: a mixed-case string that no longer matches must be refused.
        var chars = Array(row.eip55)
        if let i = chars.indices.dropFirst(2).first(where: { chars[$0].isLetter }) {
            chars[i] = chars[i].isUppercase ? Character(chars[i].lowercased()) : Character(chars[i].uppercased())
            let flipped = String(chars)
            let isMixed = flipped.dropFirst(2).contains(where: \.isLowercase) && flipped.dropFirst(2).contains(where: \.isUppercase)
            if isMixed {
                #expect(throws: EthereumCryptoError.self) { try EthereumAddress(flipped) }
                #expect(!EthereumAddress.isValid(flipped))
            }
        }
    }

    @Test("malformed addresses, keys and public keys are refused")
    func malformedInputs() {
        #expect(!EthereumAddress.isValid("0x1234"))
        #expect(!EthereumAddress.isValid("0x" + String(repeating: "g", count: 40)))
        #expect(!EthereumAddress.isValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
        #expect(EthereumAddress.isValid("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))
        #expect(throws: EthereumCryptoError.self) { try EthereumPrivateKey(bytes: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: EthereumCryptoError.self) { try EthereumPrivateKey(bytes: Secp256k1.n.bigEndianBytes) }
        #expect(throws: EthereumCryptoError.self) { try EthereumPrivateKey(bytes: [UInt8](repeating: 0xFF, count: 32)) }
        #expect(throws: EthereumCryptoError.self) { try EthereumPrivateKey(bytes: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: EthereumCryptoError.self) { try EthereumPrivateKey(hex: "0xzz") }
        // Off-curve point, bad prefix, x ≥ p, x with no curve point.
        var offCurve = [UInt8](repeating: 0, count: 65)
        offCurve[0] = 4
        offCurve[64] = 1
        #expect(throws: EthereumCryptoError.self) { try EthereumPublicKey(bytesVartime: offCurve) }
        #expect(throws: EthereumCryptoError.self) { try EthereumPublicKey(bytesVartime: [5] + [UInt8](repeating: 1, count: 32)) }
        #expect(throws: EthereumCryptoError.self) { try EthereumPublicKey(bytesVartime: [2] + [UInt8](repeating: 0xFF, count: 32)) }
        #expect(throws: EthereumCryptoError.self) { try EthereumPublicKey(bytesVartime: [2] + UInt256(5).bigEndianBytes) }
    }

    @Test("private keys never print and generation uses the injected source")
    func keyHygiene() throws {
        let key = try EthereumPrivateKey(hex: "0x" + String(repeating: "11", count: 32))
        #expect(!"\(key)".contains("1111"))
        #expect(!String(reflecting: key).contains("1111"))
        let a = try EthereumPrivateKey.generate(using: .deterministic(seed: 7))
        let b = try EthereumPrivateKey.generate(using: .deterministic(seed: 7))
        #expect(a.bytes == b.bytes)
        // A source that first yields an invalid key (all zero) is drawn again.
        let calls = Mutex(0)
        let zeroThenOnes = RandomBytes { buffer in
            let call = calls.withLock { count in
                count += 1
                return count
            }
            for i in 0 ..< buffer.count { buffer[i] = call == 1 ? 0 : 1 }
        }
        let drawnTwice = try EthereumPrivateKey.generate(using: zeroThenOnes)
        #expect(drawnTwice.bytes == [UInt8](repeating: 1, count: 32))
        #expect(calls.withLock { $0 } == 2)
        let real = try EthereumPrivateKey.generate()
        #expect(real.bytes != a.bytes)
    }
}
