import Store
import Tools
public import JSON

/// Requests this server sends to the client (elicitation), and the routing of their responses.
extension Session {
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
                    continuation.resume(returning: .failure(JSONRPCError.requestEnded("cancelled")))
                } else {
                    emit(OutgoingMessage.request(id: id, method, params))
                }
            }
        } onCancel: {
            state.withLock { $0.outgoing.removeValue(forKey: id) }?.resume(returning: .failure(JSONRPCError.requestEnded("cancelled")))
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
}
