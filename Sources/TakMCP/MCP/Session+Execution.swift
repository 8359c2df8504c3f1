import Store
import Tools
import JSON

/// How requests are answered: at once on the reader thread, or as a task whose response is
/// written when it finishes; and the progress notifications in between.
extension Session {
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
            return OutgoingMessage.error(id: id, JSONRPCError.requestEnded("Request cancelled: the server is shutting down"))
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
        let channels = state.withLock { state -> (Elicitation, Sampling)? in
            if state.inFlight[id] != nil { return nil }
            state.inFlight[id] = InFlight(progressToken: token)
            return (state.elicitation, state.sampling)
        }
        guard let (elicitation, sampling) = channels else {
            respond(responder, OutgoingMessage.error(id: nil, .invalidRequest("request id \(id) is already in use by a request in progress")))
            return
        }
        var callContext = quickContext
        callContext.elicitation = elicitation
        callContext.sampling = sampling
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
}
