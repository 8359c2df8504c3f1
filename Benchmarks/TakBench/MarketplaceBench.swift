import Crypto
import Store
import Tools
import JSON

/// Marketplace latency with 1k and 100k deals already stored (the larger store may be at most
/// 1.5x slower): offer_submit and deal_execute (which signs and settles on the sandbox ledger),
/// through the tools as a session calls them, with the store's fsync on.
enum MarketplaceBench {
    static func call(_ name: String, _ arguments: JSONObject, _ context: ToolContext) async -> JSONValue {
        guard let tool = ToolCatalog.standard.tool(named: name),
              let output = try? await tool.invoke(arguments, context: context), !output.isError else { return .null }
        return .object(output.structuredContent ?? [:])
    }

    /// Makes `count` executed-ready deals' worth of history: request, offer, acceptance, deal.
    static func seed(_ count: Int, buyer: String, seller: String, context: ToolContext) async {
        for _ in 0..<count {
            let request = await call("request_create", ["requester_agent_id": .string(buyer), "service_query": "q", "max_price_nano": 2_000_000], context)
            let offer = await call("offer_submit", ["request_id": request["id"] ?? .null, "provider_agent_id": .string(seller),
                                                    "price_nano": 1_000_000, "terms": "t"], context)
            _ = await call("offer_respond", ["offer_id": offer["id"] ?? .null, "status": "accepted"], context)
            _ = await call("deal_create", ["request_id": request["id"] ?? .null, "offer_id": offer["id"] ?? .null], context)
        }
    }

    static func run(quick: Bool) async -> BenchReport {
        var report = BenchReport()
        let sizes = quick ? [1_000, 10_000] : [1_000, 100_000]
        let samples = quick ? 100 : 300
        var medians: [String: [Double]] = [:]
        for size in sizes {
            let home = "/tmp/tak-bench-market-\(getpid())-\(size)"
            mkdir(home, 0o700)
            guard let seedStore = try? Store(home: home + "/store", options: StoreOptions(log: { _ in }, durability: .unsafeUnsynced)) else { return report }
            let kdf = KeystoreKDF.scrypt(n: 1 << 10, r: 8, p: 1), services = ServiceCache()
            let seeding = ToolContext(environment: ToolEnvironment(home: home, store: seedStore, variable: { _ in nil }, services: services, keystoreKDF: kdf,
                                                                    validatesOutput: false, serverVersion: "bench"))
            let buyer = await call("agent_create", ["name": "Buyer", "capabilities": ["request_service"]], seeding)["id"]?.stringValue ?? ""
            let seller = await call("agent_create", ["name": "Seller", "capabilities": ["data"]], seeding)["id"]?.stringValue ?? ""
            _ = await call("wallet_create", ["agent_id": .string(buyer), "company_id": "bench"], seeding)
            _ = await call("wallet_create", ["agent_id": .string(seller), "company_id": "bench"], seeding)
            _ = await call("wallet_fund", ["agent_id": .string(buyer), "amount": "9000"], seeding)
            writeStderr("  seeding \(size) deals…\n")
            await seed(size, buyer: buyer, seller: seller, context: seeding)
            try? seedStore.compact()
            guard let store = try? Store(home: home + "/store", options: StoreOptions(log: { _ in })) else { return report }
            let context = ToolContext(environment: ToolEnvironment(home: home, store: store, variable: { _ in nil }, services: services, keystoreKDF: kdf,
                                                                    validatesOutput: false, serverVersion: "bench"))
            var offers: [Double] = []
            var executes: [Double] = []
            for index in 0..<samples {
                let request = await call("request_create", ["requester_agent_id": .string(buyer), "service_query": "q", "max_price_nano": 2_000_000], context)
                var t0 = BenchClock.now()
                let offer = await call("offer_submit", ["request_id": request["id"] ?? .null, "provider_agent_id": .string(seller),
                                                        "price_nano": 1_000_000, "terms": "t", "idempotency_key": .string("o\(index)")], context)
                offers.append((BenchClock.now() - t0) * 1e6)
                _ = await call("offer_respond", ["offer_id": offer["id"] ?? .null, "status": "accepted"], context)
                let deal = await call("deal_create", ["request_id": request["id"] ?? .null, "offer_id": offer["id"] ?? .null], context)
                _ = await call("deal_approve", ["deal_id": deal["id"] ?? .null], context)
                t0 = BenchClock.now()
                let executed = await call("deal_execute", ["deal_id": deal["id"] ?? .null, "idempotency_key": .string("x\(index)")], context)
                executes.append((BenchClock.now() - t0) * 1e6)
                if index == 0, executed["status"] != "executed" { writeStderr("  deal_execute did not execute: \(executed.jsonText)\n") }
            }
            for (name, values) in [("offer_submit", offers), ("deal_execute", executes)] {
                let samples = Samples(values)
                medians[name, default: []].append(samples.percentile(50))
                report.add("\(name) p50 / p99, \(grouped(Double(size))) deals stored", samples.p50p99)
            }
        }
        for (name, values) in medians.sorted(by: { $0.key < $1.key }) where values.count == 2 {
            report.add("\(name) large / small p50 ratio", "\(fmt(values[1] / values[0]))x", target: "<= 1.5x")
        }
        return report
    }
}
