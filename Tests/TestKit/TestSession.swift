import Foundation
import Store
public import TakMCP
public import Tools
public import JSON

/// Collects what a session writes, for assertions.
public final class CollectingSink: MessageSink, DiagnosticSink, @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [JSONValue] = []
    private var diagnostics: [String] = []

    public func write(_ message: [UInt8]) {
        let value = (try? JSONValue.parse(message)) ?? .string("UNPARSABLE: \(String(decoding: message, as: UTF8.self))")
        lock.withLock { messages.append(value) }
    }

    public func writeLine(_ line: String) { lock.withLock { diagnostics.append(line) } }

    public var all: [JSONValue] { lock.withLock { messages } }
    public var stderrLines: [String] { lock.withLock { diagnostics } }

    /// Waits until `count` messages arrived (or 5 s), then returns them all.
    public func wait(for count: Int, timeout: Double = 10) async -> [JSONValue] {
        let deadline = Date().addingTimeInterval(timeout)
        while lock.withLock({ messages.count }) < count, Date() < deadline { try? await Task.sleep(nanoseconds: 200_000) }
        return all
    }

    public func removeAll() { lock.withLock { messages.removeAll() } }
}

/// A session on a test catalog, fed with JSON text.
public struct TestSession: Sendable {
    public let session: Session
    public let sink: CollectingSink
    public let home: String

    public init(catalog: ToolCatalog = TestTools.catalog, pageSize: Int = 100, stderrLevel: LogLevel = .emergency, variables: [String: String] = [:]) {
        home = NSTemporaryDirectory() + "tak-session-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        sink = CollectingSink()
        var configuration = ServerConfiguration(home: home, stderrLevel: stderrLevel)
        configuration.pageSize = pageSize
        configuration.shutdownGraceMilliseconds = 200
        let store = try! Store(home: home + "/store", options: StoreOptions(log: { _ in }))
        let environment = ToolEnvironment(home: home, store: store, clock: .fixed(Date(timeIntervalSince1970: 1_771_583_400)),
                                          random: .deterministic(seed: 7), variable: { variables[$0] },
                                          keystoreKDF: .scrypt(n: 16, r: 1, p: 1),
                                          validatesOutput: true, serverVersion: ServerIdentity.version)
        session = Session(configuration: configuration, catalog: catalog, environment: environment, sink: sink, diagnostics: sink)
    }

    /// Sends one line of text.
    public func send(_ text: String) { session.receive(line: Array(text.utf8)) }

    /// Sends a line and waits for one more message; returns it.
    @discardableResult
    public func call(_ text: String) async -> JSONValue {
        let before = sink.all.count
        send(text)
        let messages = await sink.wait(for: before + 1)
        return messages.count > before ? messages[before] : .null
    }

    /// Initializes with `version`.
    @discardableResult
    public func initialize(version: String = "2025-11-25", capabilities: String = "{}") async -> JSONValue {
        let reply = await call(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"\#(version)","capabilities":\#(capabilities),"clientInfo":{"name":"test","version":"1"}}}"#)
        send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        return reply
    }

    /// Waits until no request is in flight, without blocking the cooperative pool.
    public func idle(milliseconds: Int = 3000) async -> Bool {
        for _ in 0..<(milliseconds / 2) {
            if session.inFlightCount == 0 { return true }
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
        return session.inFlightCount == 0
    }
}
