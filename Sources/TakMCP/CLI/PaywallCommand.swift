import Dispatch
import Tools
import Payments
import HTTP
import Crypto

/// `tak-mcp paywall --port N`: serves the demo 402 resources (x402 v1, v2 and MPP) on
/// 127.0.0.1 only, settled on the sandbox ledger of the home folder, until SIGINT or SIGTERM.
/// Test money only: the sandbox network is not a chain.
enum PaywallCommand {
    static func run(configuration: ServerConfiguration, port: Int) -> Int32 {
        let stderr = FileDescriptorSink(fd: 2)
        do {
            let environment = try ServerEnvironment.make(configuration: configuration, diagnostics: stderr)
            let clock: @Sendable () -> Int64 = { Int64(environment.clock.now().timeIntervalSince1970.rounded(.down)) }
            let paywall = Paywall(payTo: Paywall.defaultPayee, secret: try environment.random.bytes(32), clock: clock,
                                  settle: SandboxLedger(store: environment.store).paywallSettlement(clock: clock))
            let server = try HTTPServer(host: "127.0.0.1", port: port) { request in paywall.respond(request) }
            print("tak-mcp paywall on \(server.url) (sandbox network, test money; pays \(paywall.payTo.checksummed)); GET \(server.url)/ lists the resources")
            fflush(nil)
            let done = DispatchSemaphore(value: 0)
            signal(SIGINT, SIG_IGN)
            signal(SIGTERM, SIG_IGN)
            let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { done.signal() }
                source.resume()
                return source
            }
            done.wait()
            sources.forEach { $0.cancel() }
            server.stop()
            return 0
        } catch let error as HTTPTransportError {
            stderr.writeLine("tak-mcp: \(error.message); pick another --port")
            return 1
        } catch {
            stderr.writeLine("tak-mcp: \(error)")
            return 1
        }
    }
}
