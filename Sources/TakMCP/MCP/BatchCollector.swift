import Store
import Tools
import JSON

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
