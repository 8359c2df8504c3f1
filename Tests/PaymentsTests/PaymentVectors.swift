#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import HTTP
import TakTestSupport

/// The x402 part of the shared known-answer file (committed under Tests/CryptoTests/Vectors),
/// parsed once: payments the official Python SDK 2.25.0 built with a pinned clock and nonce.
enum PaymentVectors {
    /// The `x402` object of the vector file.
    static let x402: JSONValue = {
        let path = Repository.root + "/Tests/CryptoTests/Vectors/crypto-x402.json"
        guard let data = FileManager.default.contents(atPath: path), let value = try? JSONValue.parse(Array(data)) else {
            fatalError("cannot read test vectors at \(path)")
        }
        return value["x402"]!
    }()

    /// Every payment vector.
    static var payments: [JSONValue] { x402["payments"]?.arrayValue ?? [] }

    /// The 402 response a payment vector's server sent.
    static func response(_ vector: JSONValue) -> HTTPResponse {
        let server = vector["server_402"]!
        var headers = HTTPHeaders()
        for (name, value) in server["headers"]?.objectValue ?? [:] { headers.add(name, value.stringValue ?? "") }
        let body = server["body"].map { $0.serialized() } ?? []
        return HTTPResponse(status: 402, headers: headers, body: body)
    }
}
