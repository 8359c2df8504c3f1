import Foundation
import Crypto
import HTTP
import JSON
import Payments
import Store
import TakTestSupport
import Tools

/// A paid request's overhead over the same unpaid request on loopback (target <= 1 ms): the
/// negotiator alone (402, policy, EIP-3009 signature, the paid retry) against the paywall, the
/// whole `make_payment` tool (journal and budget in the store with fsync, the sandbox ledger's
/// settlement with fsync), and, when TAK_INTEROP_PYTHON names the venv, our negotiator next to the
/// official x402 Python client paying the same x402 SDK server in the same run.
enum PaymentsBench {
    /// A public test key (never funded).
    static let key = try! EthereumPrivateKey(hex: "0xb3cb640beaf6722da4e71a74b68714c707288da2f5359079f97aef129917326a")

    /// The p50 in microseconds of `samples` runs of `body`.
    static func p50(_ samples: Int, _ body: (Int) async -> Void) async -> Double {
        var times: [Double] = []
        for index in 0..<samples {
            let start = BenchClock.now()
            await body(index)
            times.append((BenchClock.now() - start) * 1e6)
        }
        return Samples(times).percentile(50)
    }

    /// One negotiation of `url` with a fresh nonce, prepared in memory (no journal).
    static func negotiate(_ url: String, index: Int, policy: PaymentPolicy) async -> PaymentState {
        let now = Int64(time(nil))
        let negotiator = PaymentNegotiator(transport: SocketHTTPTransport(), clock: { now })
        let result = try? await negotiator.run(HTTPRequest(url: url), idempotencyKey: "bench-\(index)") { challenge in
            let context = try PaymentRequestContext(method: "GET", url: url, now: now)
            let selection = policy.select(challenge, for: context, spentToday: 0)
            guard let chosen = selection.chosen else { return .refused(selection.refusal!, selection) }
            let plan = PaymentPlanner(payer: key.address, nonce: try RandomBytes.system.bytes(32), paymentIdentifier: "pay_bench_\(index)_0000000",
                                      now: now).plan(chosen)
            return .credential(plan.credential(signature: try PaymentSigner(key: key).sign(plan.typed)), selection)
        }
        return result?.state ?? .unknown
    }

    static func run(quick: Bool) async -> BenchReport {
        var report = BenchReport()
        await measure(report: &report, quick: quick)
        return report
    }

    /// Adds the rows to `report`.
    static func measure(report: inout BenchReport, quick: Bool) async {
        let samples = quick ? 50 : 300
        let home = "/tmp/tak-bench-payments-\(getpid())"
        mkdir(home, 0o700)
        defer { _ = try? FileManager.default.removeItem(atPath: home) }
        guard let store = try? Store(home: home + "/store", options: StoreOptions(log: { _ in })) else { return }
        let clock: @Sendable () -> Int64 = { Int64(time(nil)) }
        let ledger = SandboxLedger(store: store)
        guard (try? ledger.fund(key.address, amount: USDCAmount(atomic: 1_000_000_000_000), cap: USDCAmount(atomic: .max))) != nil else { return }
        let paywall = Paywall(payTo: Paywall.defaultPayee, secret: Array("bench".utf8), clock: clock, settle: ledger.paywallSettlement(clock: clock))
        guard let server = try? HTTPServer(handler: { paywall.respond($0) }) else { return }
        defer { server.stop() }
        let policy = PaymentPolicy(maxPaymentAtomic: .max, dailyBudgetAtomic: .max)

        let unpaid = await p50(samples) { _ in _ = try? await SocketHTTPTransport().send(HTTPRequest(url: server.url + "/free/hello")) }
        report.add("payments: unpaid GET on loopback, p50", "\(fmt(unpaid, 1)) µs")
        let engine = await p50(samples) { index in _ = await negotiate(server.url + "/x402/v2/joke", index: index, policy: policy) }
        report.add("payments: paid x402 v2, negotiator + paywall settle (fsync), p50", "\(fmt(engine, 1)) µs")
        report.add("payments: paid overhead over unpaid, negotiator", "\(fmt((engine - unpaid) / 1000, 2)) ms", target: "<= 1 ms")

        let services = ServiceCache()
        let environment = ToolEnvironment(home: home, store: store, variable: { name in
            ["TAK_MAX_PAYMENT": "1000", "TAK_DAILY_BUDGET": "1000000"][name]
        }, http: SocketHTTPTransport(), services: services, keystoreKDF: .scrypt(n: 1 << 10, r: 8, p: 1), validatesOutput: false, serverVersion: "bench")
        let context = ToolContext(environment: environment)
        guard let register = ToolCatalog.standard.tool(named: "wallet_create"), let pay = ToolCatalog.standard.tool(named: "make_payment"),
              (try? await register.invoke(["agent_id": "ag_bench", "company_id": "bench"], context: context)) != nil,
              let wallet = try? environment.walletService().get("ag_bench"),
              (try? ledger.fund(wallet.address, amount: USDCAmount(atomic: 1_000_000_000_000), cap: USDCAmount(atomic: .max))) != nil else { return }
        let tool = await p50(samples) { index in
            let output = try? await pay.invoke(["agent_id": "ag_bench", "url": .string(server.url + "/x402/v2/joke"), "idempotency_key": .string("t\(index)")],
                                               context: context)
            if index == 0, output?.structuredContent?["paid"] != true { writeStderr("  make_payment did not pay: \(output?.content ?? [])\n") }
        }
        report.add("payments: make_payment x402 v2 (journal + budget + settle, fsync), p50", "\(fmt(tool, 1)) µs")
        report.add("payments: paid overhead over unpaid, make_payment", "\(fmt((tool - unpaid) / 1000, 2)) ms", target: "<= 1 ms")

        await comparePython(report: &report, samples: quick ? 20 : 100, policy: policy)
    }

    /// Our negotiator and the official x402 Python client against the x402 SDK server.
    static func comparePython(report: inout BenchReport, samples: Int, policy: PaymentPolicy) async {
        guard let python = ProcessInfo.processInfo.environment["TAK_INTEROP_PYTHON"], FileManager.default.isExecutableFile(atPath: python) else {
            report.add("payments: x402 Python client comparison", "skipped (set TAK_INTEROP_PYTHON)")
            return
        }
        let servers = Process()
        servers.executableURL = URL(fileURLWithPath: python)
        servers.arguments = [Repository.root + "/scripts/interop_payment_servers.py", key.address.checksummed, "1000000000000"]
        let input = Pipe(), output = Pipe()
        servers.standardInput = input
        servers.standardOutput = output
        guard (try? servers.run()) != nil else { return }
        defer {
            try? input.fileHandleForWriting.close()
            servers.waitUntilExit()
        }
        let line = output.fileHandleForReading.availableData
        guard let url = (try? JSONValue.parse(Array(line)))?["url"]?.stringValue else { return }
        let sdkPolicy = PaymentPolicy(maxPaymentAtomic: .max, dailyBudgetAtomic: .max, allowedNetworks: ["base-sepolia"])
        let unpaid = await p50(samples) { _ in _ = try? await SocketHTTPTransport().send(HTTPRequest(url: url + "/free/joke")) }
        let paid = await p50(samples) { index in _ = await negotiate(url + "/v2/joke", index: index, policy: sdkPolicy) }
        report.add("payments: x402 SDK server, ours paid / unpaid p50", "\(fmt(paid / 1000, 2)) / \(fmt(unpaid / 1000, 2)) ms (overhead \(fmt((paid - unpaid) / 1000, 2)) ms)")
        let client = Process()
        client.executableURL = URL(fileURLWithPath: python)
        client.arguments = [Repository.root + "/scripts/bench_x402_python_client.py", url, String(samples)]
        let clientOutput = Pipe()
        client.standardOutput = clientOutput
        guard (try? client.run()) != nil else { return }
        let data = clientOutput.fileHandleForReading.readDataToEndOfFile()
        client.waitUntilExit()
        guard let figures = try? JSONValue.parse(Array(data)), let paidMs = figures["paid_ms"]?.doubleValue, let unpaidMs = figures["unpaid_ms"]?.doubleValue else { return }
        report.add("payments: x402 SDK server, x402 Python client paid / unpaid p50", "\(fmt(paidMs, 2)) / \(fmt(unpaidMs, 2)) ms (overhead \(fmt(paidMs - unpaidMs, 2)) ms)")
    }
}
