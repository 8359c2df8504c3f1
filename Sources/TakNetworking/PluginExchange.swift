import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs one request on the shared session and waits for it, honouring the timeout and `cancel_fd`.
enum PluginExchange {
    /// What `tak_http_perform` returns.
    enum Outcome {
        /// The response head as JSON, and the body.
        case success(String, [UInt8])
        /// A return code and a message.
        case failure(PluginStatus, String)
    }

    /// Decodes the request, runs it, and encodes the outcome.
    static func perform(requestJSON: UnsafePointer<CChar>?, body: UnsafePointer<UInt8>?, bodyLength: Int, cancelFD: Int32) -> Outcome {
        switch PluginRequest.decode(json: requestJSON, body: body, bodyLength: bodyLength) {
        case .failure(let failure): return .failure(failure.status, failure.message)
        case .success(let request): return run(request, cancelFD: cancelFD)
        }
    }

    /// Runs `request`, blocking this thread until it completes, times out, or is cancelled.
    private static func run(_ request: PluginRequest, cancelFD: Int32) -> Outcome {
        let shared = PluginSession.shared
        let state = PluginExchangeState(maxBodyBytes: request.maxBodyBytes)
        let task = shared.session.dataTask(with: request.urlRequest)
        shared.register(task, state)
        defer { shared.unregister(task) }
        let watcher = CancelWatcher(fd: cancelFD, task: task)
        task.resume()
        let finished = state.completed.wait(timeout: .now() + .milliseconds(request.timeoutMilliseconds)) == .success
        if !finished {
            task.cancel()
            _ = state.completed.wait(timeout: .now() + .seconds(5))
        }
        let cancelled = watcher.stop()
        let target = request.urlRequest.url?.absoluteString ?? "?"
        let outcome = state.snapshot
        if !finished {
            return .failure(.timeout, "no complete response from \(target) within \(request.timeoutMilliseconds) ms: raise the request's timeout if the server is slow")
        }
        if cancelled { return .failure(.cancelled, "the request to \(target) was cancelled") }
        if outcome.tooLarge {
            return .failure(.bodyTooLarge, "the response body from \(target) exceeds \(request.maxBodyBytes) bytes: raise HTTPTransportLimits.maxResponseBodyBytes or request less data")
        }
        if let error = outcome.error {
            let nsError = error as NSError
            return .failure(.failed, "\(target): \(nsError.localizedDescription) (\(nsError.domain) \(nsError.code))")
        }
        guard let response = outcome.response else { return .failure(.failed, "\(target): URLSession returned no HTTP response") }
        return .success(head(of: response), outcome.body)
    }

    /// `{"status": N, "headers": [[name, value]…]}` for `response`, headers sorted by name.
    private static func head(of response: HTTPURLResponse) -> String {
        let headers = response.allHeaderFields
            .map { [String(describing: $0.key), String(describing: $0.value)] }
            .sorted { $0[0].lowercased() < $1[0].lowercased() }
        let object: [String: Any] = ["status": response.statusCode, "headers": headers]
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{\"status\":\(response.statusCode),\"headers\":[]}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Cancels a task when a file descriptor becomes readable (the host's cancellation signal).
final class CancelWatcher: @unchecked Sendable {
    /// The read source, or nil when there is no descriptor.
    private let source: (any DispatchSourceRead)?
    /// Signalled by the source's cancel handler, after which the descriptor is no longer used.
    private let released = DispatchSemaphore(value: 0)
    /// Guards `fired`.
    private let lock = NSLock()
    /// Whether the descriptor became readable.
    private var fired = false

    /// Watches `fd` (ignored when negative) and cancels `task` when it becomes readable.
    init(fd: Int32, task: URLSessionTask) {
        guard fd >= 0 else {
            source = nil
            return
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: .global())
        self.source = source
        source.setEventHandler { [weak self] in
            guard let self else { return }
            let first = self.lock.withLock {
                defer { self.fired = true }
                return !self.fired
            }
            if first { task.cancel() }
        }
        source.setCancelHandler { [released] in released.signal() }
        source.resume()
    }

    /// Stops watching (the host may close the descriptor afterwards) and says whether it fired.
    func stop() -> Bool {
        if let source {
            source.cancel()
            released.wait()
        }
        return lock.withLock { fired }
    }
}
