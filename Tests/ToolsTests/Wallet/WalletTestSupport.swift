import Foundation
import Store
@testable import Tools
import JSON
import HTTP

/// A tool environment on a fresh temporary home, with a fixed clock, seeded randomness, a light
/// keystore KDF and the environment variables given.
func makeWalletEnvironment(variables: [String: String] = [:], http: any HTTPTransport = MockHTTPTransport { _ in
    throw HTTPTransportError(.connectionRefused, "no network in this test")
}, now: Date = Date(timeIntervalSince1970: 1_771_583_400)) throws -> ToolEnvironment {
    let home = NSTemporaryDirectory() + "tak-wallet-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let store = try Store(home: home + "/store", options: StoreOptions(log: { _ in }))
    return ToolEnvironment(home: home, store: store, clock: .fixed(now), random: .deterministic(seed: UInt64(abs(home.hashValue))),
                           variable: { variables[$0] }, http: http, keystoreKDF: .scrypt(n: 16, r: 1, p: 1),
                           validatesOutput: true, serverVersion: "test")
}

/// Calls a catalog tool by name with JSON arguments.
func callTool(_ name: String, _ arguments: JSONValue, in environment: ToolEnvironment) async throws -> ToolOutput {
    guard let tool = ToolCatalog.standard.tool(named: name) else { throw ToolFailure(code: FailureCode("test"), message: "no tool \(name)") }
    return try await tool.invoke(arguments.objectValue ?? [:], context: ToolContext(environment: environment))
}

extension ToolOutput {
    /// The structured content as a JSON value.
    var structured: JSONValue { structuredContent.map(JSONValue.object) ?? .null }
    /// The first text block.
    var text: String { content.first?["text"]?.stringValue ?? "" }
}
