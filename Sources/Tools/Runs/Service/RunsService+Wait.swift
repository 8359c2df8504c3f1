import Store
import Tasks
public import Runs

/// Waiting for a run, for hosts that cannot poll well: each new event of its task becomes a
/// progress report, and the wait ends when the run does or the time is up.
extension RunsService {
    /// How often a wait looks at the store when no event of this process wakes it (a run worked
    /// on by another process sharing the home).
    static let pollInterval = Duration.milliseconds(200)

    /// Waits until run `id` ends or `timeout` passes, reporting its events through `progress`;
    /// returns the run as it then stands. Throws `not_found` for an unknown run and
    /// `CancellationError` when the waiting call is cancelled (the run goes on).
    public func wait(_ id: String, timeout: Duration, progress: ProgressReporter) async throws -> AgentRun {
        guard let record = try runRecord(id) else { return try run(id) }
        let wake = WakeUp()
        let token = tasks.observe(record.taskID) { _ in wake.fire() }
        defer { tasks.stopObserving(record.taskID, token) }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var seen = 0
        while true {
            let events = try tasks.events(record.taskID, since: seen)
            for event in events {
                progress.report(Double(event.id + 1), total: nil, message: event.message)
            }
            seen += events.count
            let run = try view(record)
            if run.status.isTerminal || clock.now >= deadline { return run }
            try Task.checkCancellation()
            await wake.wait(upTo: min(Self.pollInterval, deadline - clock.now))
        }
    }
}

/// A one-slot wake-up call between an observer and one waiter: a call made while nobody waits
/// is kept for the next wait.
final class WakeUp: Sendable {
    /// Whether a call is pending, and the waiter to resume.
    private let state = Locked<(pending: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

    /// Wakes the waiter, or the next one.
    func fire() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at the next call, after `duration` at the latest, or when the calling task is cancelled.
    func wait(upTo duration: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.next() }
            group.addTask { try? await Task.sleep(for: duration) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Suspends until the next call (or a cancellation).
    private func next() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            fire()
        }
    }
}
