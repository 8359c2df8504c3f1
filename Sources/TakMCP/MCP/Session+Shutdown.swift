import Store
import Tools
import JSON

/// Shutting down: no new requests, a grace period for in-flight work, then cancellation.
extension Session {
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
        for continuation in waiting { continuation.resume(returning: .failure(JSONRPCError.requestEnded("the server is shutting down"))) }
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
