import JSON
import Testing
@testable import Crypto

/// The x402 SDK's pinned payments: our EIP-3009 digest and signature equal the SDK's bytes.
@Suite("x402 SDK signatures")
struct X402SignatureTests {
    /// One `x402.payments` row.
    struct Payment: Sendable, CustomTestStringConvertible {
        /// The vector's JSON.
        let row: JSONValue
        /// The label Swift Testing shows.
        var testDescription: String { ECVectors.string(row, "label") }
    }

    /// The 5 payments.
    static let payments = (ECVectors.root["x402"]?["payments"]?.arrayValue ?? []).map(Payment.init)

    /// Chain ids of the network names used in the file (v1 names and CAIP-2 ids).
    static func chainId(_ network: String) -> String? {
        switch network {
        case "base", "eip155:8453": "8453"
        case "base-sepolia", "eip155:84532": "84532"
        default: nil
        }
    }

    @Test("digest and 65-byte signature equal the SDK's", arguments: payments)
    func payment(_ vector: Payment) throws {
        let row = vector.row
        let decoded = try JSONValue.parse(ECVectors.string(row, "decoded_json"))
        let authorization = decoded["payload"]!["authorization"]!
        // v1 carries the requirement in the 402 body, v2 echoes it as "accepted".
        let requirement = decoded["accepted"] ?? row["server_402"]!["body"]!["accepts"]!.arrayValue!.first {
            $0["network"] == decoded["network"]
        }!
        let network = requirement["network"]!.stringValue!
        let transfer = try TransferWithAuthorization(
            domainName: requirement["extra"]!["name"]!.stringValue!,
            domainVersion: requirement["extra"]!["version"]!.stringValue!,
            chainId: try #require(Self.chainId(network)),
            verifyingContract: requirement["asset"]!.stringValue!,
            from: authorization["from"]!.stringValue!, to: authorization["to"]!.stringValue!,
            value: authorization["value"]!.stringValue!, validAfter: authorization["validAfter"]!.stringValue!,
            validBefore: authorization["validBefore"]!.stringValue!, nonce: authorization["nonce"]!.stringValue!)
        #expect(Hex.encode(transfer.digest) == ECVectors.string(row, "eip712_digest"))
        let key = try EthereumPrivateKey(hex: ECVectors.string(row, "signer_private_key"))
        #expect(key.address.checksummed == ECVectors.string(row, "signer_address"))
        #expect(key.address == transfer.from)
        let signature = transfer.sign(with: key)
        #expect(signature.hex == decoded["payload"]!["signature"]!.stringValue!)
        #expect(transfer.isValidSignatureVartime(signature))
    }
}
