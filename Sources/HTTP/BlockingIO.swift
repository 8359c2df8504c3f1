import Dispatch

/// Where blocking network calls run: off Swift's cooperative pool, one thread per request.
enum BlockingIO {
    /// Runs `work` on a thread of its own. Each call gets a new serial queue: serial queues
    /// overcommit, so every blocked request has a thread, whereas the global and concurrent queues
    /// are capped near the core count on Linux and would queue requests behind each other's sockets.
    static func run(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue(label: "TakMCP.http.request").async(execute: work)
    }

    /// Runs `work` on a thread of its own (`run`) and returns its result. Cancelling the calling
    /// task cancels the signal `work` watches, so it stops promptly; the signal is closed when
    /// `work` ends. A task already cancelled does not start it.
    static func cancellable<T: Sendable>(_ work: @escaping @Sendable (CancellationSignal) throws -> T) async throws -> T {
        try Task.checkCancellation()
        let signal = try CancellationSignal()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                run {
                    let result = Result { try work(signal) }
                    signal.close()
                    continuation.resume(with: result)
                }
            }
        } onCancel: {
            signal.cancel()
        }
    }
}
