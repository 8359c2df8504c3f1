import Store
public import Tools
public import JSON
/// One MCP session: classifies incoming messages, enforces the lifecycle, dispatches methods,
/// runs tool calls concurrently and writes responses and notifications to a sink.
///
/// Thread-safe: `receive` is called from the reader thread; tool calls finish on the
/// cooperative pool. All mutable state lives in `state`.
public final class Session: Sendable {
    let configuration: ServerConfiguration
    let catalog: ToolCatalog
    let environment: ToolEnvironment
    let sink: any MessageSink
    let state: Locked<State>
    /// Where logs go: stderr, and the client when it asked.
    let logger: SessionLogger
    /// The context of synchronous tool calls, made once: they cannot report progress or ask the
    /// person, so nothing in it depends on the request.
    let quickContext: ToolContext

    /// Mutable session state.
    struct State {
        /// The negotiated protocol version, once `initialize` was answered.
        var protocolVersion: String?
        /// How tools may ask the person, given the capabilities the client declared.
        var elicitation = Elicitation.unsupported
        /// How tools may ask the host's model, given the capabilities the client declared.
        var sampling = Sampling.unsupported
        /// The lowest level sent as `notifications/message`; nil until `logging/setLevel`.
        var clientLogLevel: LogLevel?
        /// Requests being worked on.
        var inFlight: [RequestID: InFlight] = [:]
        /// Set once shutdown began: new requests are refused.
        var closing = false
        /// Requests we sent to the client, waiting for its response.
        var outgoing: [RequestID: CheckedContinuation<Result<JSONValue, JSONRPCError>, Never>] = [:]
        /// The number of the next request we send.
        var nextOutgoing: Int64 = 1
        /// Subscribed resource URIs and the text the client last saw.
        var subscriptions: [String: String] = [:]
        /// The task that watches the store for changes to subscribed resources.
        var watcher: Task<Void, Never>?
    }

    /// A request being worked on.
    struct InFlight {
        var task: Task<Void, Never>?
        var cancelled = false
        var progressToken: JSONValue?
        var lastProgress: Double?
    }

    /// Creates a session that exposes `catalog` (already filtered by configuration).
    public init(configuration: ServerConfiguration, catalog: ToolCatalog, environment: ToolEnvironment,
                sink: any MessageSink, diagnostics: any DiagnosticSink) {
        self.configuration = configuration
        self.catalog = catalog
        self.environment = environment
        self.sink = sink
        let state = Locked(State())
        let logger = SessionLogger(stderrLevel: configuration.stderrLevel, diagnostics: diagnostics, sink: sink, state: state)
        self.state = state
        self.logger = logger
        quickContext = ToolContext(environment: environment, catalog: catalog,
                                   log: ToolLogger { [logger] level, message in logger.log(level, message, logger: "tak-mcp/tools") })
    }

    // MARK: - Input

    /// Handles one line of input (without its newline).
    public func receive(line: UnsafeBufferPointer<UInt8>) {
        var end = line.count
        while end > 0, line[end - 1] == 0x0D || line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        guard end > 0 else { return }
        let value: JSONValue
        switch JSONValue.parseBuffer(UnsafeBufferPointer(rebasing: line[0..<end]), maxDepth: 256) {
        case .success(let parsed): value = parsed
        case .failure(let error):
            emit(OutgoingMessage.error(id: nil, .parseError(error.description)))
            return
        }
        receive(value)
    }

    /// Handles one line of input.
    public func receive(line: [UInt8]) {
        line.withUnsafeBufferPointer { receive(line: $0) }
    }

    /// Handles one parsed message or batch.
    public func receive(_ value: JSONValue) {
        if case .array(let items) = value {
            receiveBatch(items)
            return
        }
        dispatch(IncomingMessage.classify(value), responder: .direct)
    }

    /// Reports a line that was too long to accept.
    public func rejectOversizedLine(limit: Int) {
        emit(OutgoingMessage.error(id: nil, .invalidRequest("message longer than \(limit) bytes; the limit is set with --max-line-bytes")))
    }

    func receiveBatch(_ items: [JSONValue]) {
        let version = state.withLock { $0.protocolVersion }
        guard ProtocolVersion.allowsBatches(version) else {
            emit(OutgoingMessage.error(id: nil, .invalidRequest("batches (JSON arrays) are only part of protocol version 2025-03-26; send one message per line")))
            return
        }
        guard !items.isEmpty else {
            emit(OutgoingMessage.error(id: nil, .invalidRequest("an empty batch")))
            return
        }
        let batch = BatchCollector(sink: sink)
        let messages = items.map(IncomingMessage.classify)
        batch.expect(messages.count { if case .request = $0 { true } else if case .invalid = $0 { true } else { false } })
        for message in messages { dispatch(message, responder: .batch(batch)) }
    }

    /// Where a request's response goes.
    enum Responder: Sendable {
        case direct
        case batch(BatchCollector)
    }

    func dispatch(_ message: IncomingMessage, responder: Responder) {
        switch message {
        case .invalid(let id, let error):
            respond(responder, OutgoingMessage.error(id: id, error))
        case .response(let id, let result, let error):
            // A response to one of our requests (elicitation, sampling); stray ones are ignored.
            guard let id, let waiting = state.withLock({ $0.outgoing.removeValue(forKey: id) }) else { return }
            if let result {
                waiting.resume(returning: .success(result))
            } else {
                let code = error?["code"]?.integerValue.map(Int.init) ?? JSONRPCError.internalErrorCode
                waiting.resume(returning: .failure(JSONRPCError(code: code, message: error?["message"]?.stringValue ?? "the client answered with an error")))
            }
        case .notification(let method, let params):
            handleNotification(method, params)
        case .request(let id, let method, let params):
            handleRequest(id: id, method: method, params: params, responder: responder)
        }
    }

    // MARK: - Output

    func emit(_ message: JSONValue) {
        sink.write(message.serialized())
    }

    func respond(_ responder: Responder, _ message: JSONValue) {
        switch responder {
        case .direct: emit(message)
        case .batch(let batch): batch.add(message)
        }
    }

    /// Logs to stderr at or above the configured level, and to the client when it asked.
    public func log(_ level: LogLevel, _ message: String, logger name: String = "tak-mcp") {
        logger.log(level, message, logger: name)
    }

    // MARK: - Notifications

    func handleNotification(_ method: String, _ params: JSONObject) {
        switch method {
        case "notifications/cancelled":
            guard let raw = params["requestId"], let id = RequestID(raw) else { return }
            let task = state.withLock { state -> Task<Void, Never>? in
                guard var entry = state.inFlight[id] else { return nil }
                entry.cancelled = true
                state.inFlight[id] = entry
                return entry.task
            }
            // Outside the lock: cancellation handlers run synchronously and may take it.
            task?.cancel()
        default:
            break // Unknown notifications are ignored, as JSON-RPC requires.
        }
    }

    // MARK: - Requests

    func handleRequest(id: RequestID, method: String, params: JSONObject, responder: Responder) {
        let (version, closing) = state.withLock { ($0.protocolVersion, $0.closing) }
        if closing {
            respond(responder, OutgoingMessage.error(id: id, .requestEnded("Server is shutting down")))
            return
        }
        let route = Self.routes[method]
        guard version != nil || method == "initialize" || method == "ping" else {
            let error: JSONRPCError = route != nil
                ? .invalidRequest("the session is not initialized; send `initialize` first (only `ping` is served before it)")
                : .methodNotFound(method)
            respond(responder, OutgoingMessage.error(id: id, error))
            return
        }
        switch route {
        case .immediate(let body)?: answer(id, responder) { try body(self, params) }
        case .task(let inline, let body)?: runConcurrently(id, params, responder, inline: inline) { try await body(self, params, $0) }
        case .custom(let serve)?: serve(self, id, params, responder)
        case nil: respond(responder, OutgoingMessage.error(id: id, .methodNotFound(method)))
        }
    }

    /// Every method this server serves, gathered from the capability files (Session+Lifecycle,
    /// Session+Tools, Session+Resources, Session+Prompts, Session+Tasks). A new capability adds its own table.
    static let routes: [String: MethodRoute] = [lifecycleRoutes, toolRoutes, resourceRoutes, promptRoutes, taskRoutes]
        .reduce(into: [:]) { all, table in all.merge(table) { _, _ in preconditionFailure("a method is routed twice") } }
}

/// Gathers the responses of one batch and writes them as one array when the last arrives.
