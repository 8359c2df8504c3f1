public import Store
public import Tools
public import JSON

/// Where a session writes complete message lines (without the newline). The stdio transport
/// writes them to stdout; tests and the benchmark collect them.
public protocol MessageSink: Sendable {
    /// Writes one message; must be atomic with respect to other calls.
    func write(_ message: [UInt8])
}

/// Where a session's diagnostic lines go (stderr in the server).
public protocol DiagnosticSink: Sendable {
    /// Writes one line of text.
    func writeLine(_ line: String)
}

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
            // A response to one of our requests (elicitation); stray ones are ignored.
            guard let id, let waiting = state.withLock({ $0.outgoing.removeValue(forKey: id) }) else { return }
            if let result {
                waiting.resume(returning: .success(result))
            } else {
                let code = error?["code"]?.integerValue.map(Int.init) ?? -32603
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
            respond(responder, OutgoingMessage.error(id: id, JSONRPCError(code: -32603, message: "Server is shutting down")))
            return
        }
        guard version != nil || method == "initialize" || method == "ping" else {
            let error: JSONRPCError = Self.methods.contains(method)
                ? .invalidRequest("the session is not initialized; send `initialize` first (only `ping` is served before it)")
                : .methodNotFound(method)
            respond(responder, OutgoingMessage.error(id: id, error))
            return
        }
        switch method {
        case "initialize": answer(id, responder) { .object(try self.initialize(params)) }
        case "ping": respond(responder, id: id, result: .object([:]))
        case "tools/list": answer(id, responder) { .object(try self.listTools(params)) }
        case "resources/list": answer(id, responder) { .object(try self.listResources(params)) }
        case "resources/templates/list": answer(id, responder) { .object(try self.listResourceTemplates(params)) }
        case "prompts/list": answer(id, responder) { .object(try self.listPrompts(params)) }
        case "logging/setLevel": answer(id, responder) { .object(try self.setLogLevel(params)) }
        case "tools/call":
            let call = Result { () throws(JSONRPCError) in try self.toolCall(params) }
            if case .success(let (tool, arguments)) = call, tool.isSynchronous {
                // Never suspends: answered here, with no task, like ping.
                answer(id, responder) { .tool(try tool.invokeNow(arguments, context: self.quickContext)!) }
            } else {
                // A bad call is answered from the task too, so it is tracked like any other request.
                let inline = (try? call.get()).map { $0.tool.execution == .inline } ?? true
                runConcurrently(id, params, responder, inline: inline) { context in
                    let (tool, arguments) = try call.get()
                    return .tool(try await tool.invoke(arguments, context: context))
                }
            }
        case "resources/read": runConcurrently(id, params, responder) { .object(try await self.readResource(params, context: $0)) }
        case "prompts/get": runConcurrently(id, params, responder, inline: true) { .object(try await self.getPrompt(params, context: $0)) }
        case "completion/complete": runConcurrently(id, params, responder, inline: true) { .object(try await self.complete(params, context: $0)) }
        case "resources/subscribe": runConcurrently(id, params, responder) { .object(try await self.subscribe(params, context: $0)) }
        case "resources/unsubscribe": answer(id, responder) { .object(try self.unsubscribe(params)) }
        default: respond(responder, OutgoingMessage.error(id: id, .methodNotFound(method)))
        }
    }

    /// The methods this server serves.
    static let methods: Set<String> = [
        "initialize", "ping", "tools/list", "tools/call", "resources/list", "resources/templates/list",
        "resources/read", "prompts/list", "prompts/get", "completion/complete", "logging/setLevel",
        "resources/subscribe", "resources/unsubscribe",
    ]

    /// Answers at once on the calling thread: for methods that never block.
    func answer(_ id: RequestID, _ responder: Responder, _ body: () throws -> MethodResult) {
        do {
            respond(responder, id: id, result: try body())
        } catch {
            respond(responder, failure(id, error))
        }
    }

    /// Writes the success response to request `id`.
    func respond(_ responder: Responder, id: RequestID, result: MethodResult) {
        switch responder {
        case .direct: sink.write(OutgoingMessage.resultLine(id: id, result))
        case .batch(let batch): batch.add(OutgoingMessage.result(id: id, result.json))
        }
    }

    /// The error response for a request that threw: its JSON-RPC error as it is, cancellation
    /// (only ever by shutdown: a client's cancel gets no response) as -32603, anything else as a
    /// generic -32603 with the detail on stderr only.
    func failure(_ id: RequestID, _ error: any Error) -> JSONValue {
        switch error {
        case let error as JSONRPCError:
            return OutgoingMessage.error(id: id, error)
        case is CancellationError:
            return OutgoingMessage.error(id: id, JSONRPCError(code: -32603, message: "Request cancelled: the server is shutting down"))
        default:
            log(.error, "internal error in request \(id): \(error)")
            return OutgoingMessage.error(id: id, .internalError)
        }
    }

    /// Runs `body` as a task so slow work never delays other messages; the response is written
    /// when it finishes, unless the client cancelled the request.
    func runConcurrently(_ id: RequestID, _ params: JSONObject, _ responder: Responder, inline: Bool = false,
                         _ body: @escaping @Sendable (ToolContext) async throws -> MethodResult) {
        let token = params["_meta"]?["progressToken"].flatMap { token -> JSONValue? in
            switch token {
            case .string, .integer: token
            default: nil
            }
        }
        let elicitation = state.withLock { state -> Elicitation? in
            if state.inFlight[id] != nil { return nil }
            state.inFlight[id] = InFlight(progressToken: token)
            return state.elicitation
        }
        guard let elicitation else {
            respond(responder, OutgoingMessage.error(id: nil, .invalidRequest("request id \(id) is already in use by a request in progress")))
            return
        }
        var callContext = quickContext
        callContext.elicitation = elicitation
        if token != nil {
            callContext.progress = ProgressReporter { [weak self] progress, total, message in
                self?.sendProgress(for: id, progress: progress, total: total, message: message)
            }
        }
        let context = callContext
        let work: @Sendable () async -> Void = {
            let outcome: Result<MethodResult, any Error>
            do {
                outcome = .success(try await body(context))
            } catch {
                outcome = .failure(error)
            }
            self.finish(id, outcome, responder)
        }
        // Work that never blocks starts on this thread and finishes here unless it suspends;
        // anything else goes to the cooperative pool so it cannot hold up reading.
        let task = inline ? Task.immediate(operation: work) : Task(operation: work)
        let cancelledEarly = state.withLock { state -> Bool in
            guard state.inFlight[id] != nil else { return false }
            state.inFlight[id]?.task = task
            return state.inFlight[id]?.cancelled == true
        }
        if cancelledEarly { task.cancel() }
    }

    /// Writes the final message of a request, unless it was cancelled, and forgets it. Holding
    /// the lock while writing guarantees no progress notification follows the response.
    func finish(_ id: RequestID, _ outcome: Result<MethodResult, any Error>, _ responder: Responder) {
        switch responder {
        case .direct:
            let line = switch outcome {
            case .success(let result): OutgoingMessage.resultLine(id: id, result)
            case .failure(let error): failure(id, error).serialized()
            }
            state.withLock { state in
                if state.inFlight.removeValue(forKey: id)?.cancelled != true { sink.write(line) }
            }
        case .batch(let batch):
            let message = switch outcome {
            case .success(let result): OutgoingMessage.result(id: id, result.json)
            case .failure(let error): failure(id, error)
            }
            state.withLock { state in
                if state.inFlight.removeValue(forKey: id)?.cancelled == true { batch.skip() } else { batch.add(message) }
            }
        }
    }

    func sendProgress(for id: RequestID, progress: Double, total: Double?, message: String?) {
        state.withLock { state in
            guard var entry = state.inFlight[id], !entry.cancelled, let token = entry.progressToken else { return }
            if let last = entry.lastProgress, progress <= last { return }
            entry.lastProgress = progress
            state.inFlight[id] = entry
            var params: JSONObject = ["progressToken": token, "progress": Self.number(progress)]
            if let total { params["total"] = Self.number(total) }
            if let message { params["message"] = .string(message) }
            sink.write(OutgoingMessage.notification("notifications/progress", params).serialized())
        }
    }

    static func number(_ value: Double) -> JSONValue {
        if let exact = Int64(exactly: value) { .integer(exact) } else { .number(value) }
    }

    // MARK: - Requests to the client

    /// Sends `method` to the client and waits for its answer; cancelling the calling task stops
    /// the wait.
    public func request(_ method: String, _ params: JSONObject) async throws -> JSONValue {
        let id = state.withLock { state -> RequestID in
            defer { state.nextOutgoing += 1 }
            return .string("tak-\(state.nextOutgoing)")
        }
        let result: Result<JSONValue, JSONRPCError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let closing = state.withLock { state -> Bool in
                    if state.closing || Task.isCancelled { return true }
                    state.outgoing[id] = continuation
                    return false
                }
                if closing {
                    continuation.resume(returning: .failure(JSONRPCError(code: -32603, message: "cancelled")))
                } else {
                    emit(OutgoingMessage.request(id: id, method, params))
                }
            }
        } onCancel: {
            state.withLock { $0.outgoing.removeValue(forKey: id) }?.resume(returning: .failure(JSONRPCError(code: -32603, message: "cancelled")))
        }
        try Task.checkCancellation()
        return try result.get()
    }

    /// The elicitation channel for tools given the client's capabilities: form mode, when the
    /// client declared it. Made once, at `initialize`.
    func elicitation(for capabilities: JSONObject) -> Elicitation {
        let capability = capabilities["elicitation"]
        // {} means form mode (2025-06-18 and 2025-11-25); {url: {}} alone does not include it.
        let supportsForm: Bool
        if case .object(let modes)? = capability {
            supportsForm = modes.isEmpty || modes["form"] != nil
        } else {
            supportsForm = false
        }
        return Elicitation(isSupported: supportsForm) { [weak self] message, schema in
            guard let self else { throw ElicitationUnavailable("the session ended") }
            let reply: JSONValue
            do {
                reply = try await self.request("elicitation/create", ["message": .string(message), "requestedSchema": schema.value])
            } catch let error as JSONRPCError {
                throw ElicitationUnavailable("the client answered elicitation/create with \(error.code): \(error.message)")
            }
            switch reply["action"]?.stringValue {
            case "accept": return .accept(reply["content"]?.objectValue ?? [:])
            case "decline": return .decline
            default: return .cancel
            }
        }
    }

    // MARK: - Shutdown

    /// Stops taking requests, waits up to the grace period for in-flight work, cancels what is
    /// left and waits up to a second for it to wind down. Blocks: call it from a thread of
    /// its own (the reader or a signal handler), never from the cooperative pool. Returns when nothing is in flight or time is up.
    public func shutdown() {
        let waiting = state.withLock { state -> [CheckedContinuation<Result<JSONValue, JSONRPCError>, Never>] in
            state.closing = true
            state.watcher?.cancel()
            defer { state.outgoing.removeAll() }
            return Array(state.outgoing.values)
        }
        for continuation in waiting { continuation.resume(returning: .failure(JSONRPCError(code: -32603, message: "the server is shutting down"))) }
        if waitUntilIdle(milliseconds: configuration.shutdownGraceMilliseconds) { return }
        let tasks = state.withLock { $0.inFlight.values.compactMap(\.task) }
        for task in tasks { task.cancel() }
        _ = waitUntilIdle(milliseconds: 1_000)
    }

    /// Waits until no request is in flight; false if `milliseconds` passed first.
    public func waitUntilIdle(milliseconds: Int) -> Bool {
        let deadline = Self.monotonicNanoseconds() + UInt64(max(0, milliseconds)) * 1_000_000
        while state.withLock({ !$0.inFlight.isEmpty }) {
            if Self.monotonicNanoseconds() >= deadline { return false }
            Self.sleepMicroseconds(100)
        }
        return true
    }

    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// How many requests are in flight.
    public var inFlightCount: Int { state.withLock { $0.inFlight.count } }

    static func sleepMicroseconds(_ microseconds: Int) {
        var request = timespec(tv_sec: 0, tv_nsec: microseconds * 1_000)
        nanosleep(&request, nil)
    }
}

/// Gathers the responses of one batch and writes them as one array when the last arrives.
final class BatchCollector: Sendable {
    let sink: any MessageSink
    let state = Locked((expected: 0, responses: [JSONValue]()))

    init(sink: any MessageSink) { self.sink = sink }

    func expect(_ count: Int) { state.withLock { $0.expected = count } }

    func add(_ response: JSONValue) { complete(with: response) }

    func skip() { complete(with: nil) }

    private func complete(with response: JSONValue?) {
        let done: [JSONValue]? = state.withLock { state in
            if let response { state.responses.append(response) }
            state.expected -= 1
            return state.expected == 0 ? state.responses : nil
        }
        if let done, !done.isEmpty { sink.write(JSONValue.array(done).serialized()) }
    }
}

/// What a method answers with: a JSON object, or a tool's output, which is written straight to
/// the response line without first being built into a JSON tree.
enum MethodResult: Sendable {
    case object(JSONObject)
    case tool(ToolOutput)

    /// Appends the result's JSON text.
    func write(to out: inout JSONWriter) {
        switch self {
        case .object(let object): out.write(.object(object))
        case .tool(let output): output.writeResult(to: &out)
        }
    }

    /// The result as a JSON value (for batches, which are rare).
    var json: JSONValue {
        switch self {
        case .object(let object): .object(object)
        case .tool(let output): .object(output.resultJSON)
        }
    }
}

/// A session's logging: to stderr at or above the configured level, and as
/// `notifications/message` to the client once it chose a level with `logging/setLevel`.
final class SessionLogger: Sendable {
    let stderrLevel: LogLevel
    let diagnostics: any DiagnosticSink
    let sink: any MessageSink
    let state: Locked<Session.State>

    init(stderrLevel: LogLevel, diagnostics: any DiagnosticSink, sink: any MessageSink, state: Locked<Session.State>) {
        self.stderrLevel = stderrLevel
        self.diagnostics = diagnostics
        self.sink = sink
        self.state = state
    }

    func log(_ level: LogLevel, _ message: String, logger: String) {
        if level >= stderrLevel {
            diagnostics.writeLine("tak-mcp [\(level.rawValue)] \(message)")
        }
        let clientLevel = state.withLock { $0.clientLogLevel }
        if let clientLevel, level >= clientLevel {
            sink.write(OutgoingMessage.notification("notifications/message",
                                                    ["level": .string(level.rawValue), "logger": .string(logger), "data": .string(message)]).serialized())
        }
    }
}
