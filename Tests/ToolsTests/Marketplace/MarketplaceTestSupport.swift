import Foundation
import Store
import Testing
@testable import Tools
import JSON
import HTTP

/// A tool environment for marketplace tests on `home` (a fresh one if nil): fixed clock, seeded
/// randomness, a light keystore KDF, the given environment variables and store fault hook.
func makeMarketEnvironment(home: String? = nil, variables: [String: String] = [:], seed: UInt64 = 7,
                           faults: (@Sendable (StoreFaultPoint) -> StoreFaultAction)? = nil,
                           now: Date = Date(timeIntervalSince1970: 1_771_583_400)) throws -> ToolEnvironment {
    let home = home ?? NSTemporaryDirectory() + "tak-market-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let store = try Store(home: home + "/store", options: StoreOptions(log: { _ in }, durability: .unsafeUnsynced, faultInjection: faults))
    return ToolEnvironment(home: home, store: store, clock: .fixed(now), random: .deterministic(seed: seed &+ UInt64(abs(home.hashValue))),
                           variable: { variables[$0] }, http: MockHTTPTransport { _ in throw HTTPTransportError(.connectionRefused, "offline") },
                           keystoreKDF: .scrypt(n: 16, r: 1, p: 1), validatesOutput: true, serverVersion: "test")
}

/// The same home as `environment`, as another process would see it: a new store instance, vault and
/// randomness, with its own environment variables.
func reopen(_ environment: ToolEnvironment, variables: [String: String] = [:], seed: UInt64 = 99,
            faults: (@Sendable (StoreFaultPoint) -> StoreFaultAction)? = nil) throws -> ToolEnvironment {
    try makeMarketEnvironment(home: environment.home, variables: variables, seed: seed, faults: faults)
}

/// The structured content of a successful call; records a test issue (with the error) otherwise.
@discardableResult
func succeed(_ name: String, _ arguments: JSONValue, in environment: ToolEnvironment,
             sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
    let output = try await callTool(name, arguments, in: environment)
    #expect(!output.isError, "\(name) failed: \(output.text)", sourceLocation: sourceLocation)
    return output.structured
}

/// The TAK error object of a failed call; records a test issue if the call succeeded or the code differs.
@discardableResult
func fail(_ name: String, _ arguments: JSONValue, code: String, in environment: ToolEnvironment,
          sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
    let output = try await callTool(name, arguments, in: environment)
    #expect(output.isError, "\(name) should have failed with \(code): \(output.text)", sourceLocation: sourceLocation)
    #expect(output.structured["error"] == .string(code), "\(name): \(output.text)", sourceLocation: sourceLocation)
    #expect(output.structured["message"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
    #expect(output.structured["details"]?.objectValue != nil, sourceLocation: sourceLocation)
    return output.structured
}

/// A buyer and two sellers with sandbox wallets, the buyer funded.
struct MarketScenario {
    /// The environment (an operator session unless variables bind it).
    let environment: ToolEnvironment
    /// The buying agent.
    let buyer: String
    /// The first seller.
    let seller: String
    /// The second seller.
    let rival: String

    /// Creates the agents and wallets, and funds the buyer with `funding` USDC (none for nil).
    static func make(_ environment: ToolEnvironment, funding: String? = "10", wallets: Bool = true) async throws -> MarketScenario {
        var ids: [String] = []
        for name in ["Buyer", "Seller", "Rival"] {
            let agent = try await succeed("agent_create", ["name": .string(name), "capabilities": ["request_service", "negotiate"]], in: environment)
            let id = try #require(agent["id"]?.stringValue)
            if wallets { try await succeed("wallet_create", ["agent_id": .string(id), "company_id": "co_test"], in: environment) }
            ids.append(id)
        }
        if let funding { try await succeed("wallet_fund", ["agent_id": .string(ids[0]), "amount": .string(funding)], in: environment) }
        return MarketScenario(environment: environment, buyer: ids[0], seller: ids[1], rival: ids[2])
    }

    /// Opens a request of the buyer for at most `max` nano.
    func request(max: Int64 = 2_000_000_000) async throws -> String {
        let request = try await succeed("request_create", ["requester_agent_id": .string(buyer), "service_query": "market_data Q4",
                                                           "max_price_nano": .integer(max)], in: environment)
        return try #require(request["id"]?.stringValue)
    }

    /// Submits `provider`'s offer on `request` at `price` nano.
    func offer(on request: String, by provider: String, price: Int64 = 1_500_000_000) async throws -> String {
        let offer = try await succeed("offer_submit", ["request_id": .string(request), "provider_agent_id": .string(provider),
                                                       "price_nano": .integer(price), "terms": "JSON delivery. SLA: <10s."], in: environment)
        return try #require(offer["id"]?.stringValue)
    }

    /// A request with the seller's accepted offer at `price` and a deal awaiting approval.
    func deal(price: Int64 = 1_500_000_000) async throws -> (request: String, offer: String, deal: String) {
        let request = try await request()
        let offer = try await offer(on: request, by: seller, price: price)
        try await succeed("offer_respond", ["offer_id": .string(offer), "status": "accepted"], in: environment)
        let deal = try await succeed("deal_create", ["request_id": .string(request), "offer_id": .string(offer)], in: environment)
        return (request, offer, try #require(deal["id"]?.stringValue))
    }

    /// An approved deal.
    func approvedDeal(price: Int64 = 1_500_000_000) async throws -> (request: String, offer: String, deal: String) {
        let made = try await deal(price: price)
        try await succeed("deal_approve", ["deal_id": .string(made.deal)], in: environment)
        return made
    }

    /// `agent`'s sandbox balance in atomic units.
    func balance(_ agent: String) async throws -> Int64 {
        let balance = try await succeed("wallet_balance", ["agent_id": .string(agent)], in: environment)
        return Int64(try #require(balance["balance_atomic"]?.stringValue)) ?? -1
    }
}
