public import Store
public import JSON

/// The product's one facility for long work: durable tasks in the store, run on a bounded pool
/// of workers, with numbered events, a result or an error, cancellation, and recovery after a
/// restart (a task whose process is gone ends `failed` with `interrupted`).
///
/// A task is written to the store before `submit` returns, so its id can be polled at once and
/// by any process sharing the home. Work runs in this process; status, events and results go
/// through the store, so `record`, `events`, `list` and `cancel` work from any process.
public final class TaskManager: Sendable {
    /// The work of a task: it reports progress through the context and returns its result.
    public typealias Work = @Sendable (TaskContext) async throws -> JSONObject

    /// What an observer hears about a task this process runs.
    public enum Update: Sendable {
        /// A new event of the task with this id.
        case event(TaskEvent, task: String)
        /// The task reached a terminal status.
        case finished(TaskRecord)
    }

    /// Why a task request cannot be served.
    public enum Failure: Error, Sendable, Equatable {
        /// There is no task with that id (or it expired).
        case notFound(String)
        /// The task is already terminal, so it cannot be cancelled.
        case terminal(TaskRecord)
    }

    /// The tasks in the store.
    public let tasks: TaskStore
    /// This process's token, stored as each task's owner.
    public let owner: String
    /// How many tasks run at once.
    public let workers: Int
    /// Milliseconds since 1970.
    let now: @Sendable () -> Int64
    /// New task ids.
    let makeID: @Sendable () -> String
    /// Queue, running tasks and observers.
    private let state = Locked(State())

    /// The mutable part.
    private struct State: Sendable {
        var queue: [(id: String, work: Work)] = []
        var running: [String: Task<Void, Never>] = [:]
        var observers: [String: [Int: @Sendable (Update) -> Void]] = [:]
        var nextObserver = 0
    }

    /// A manager over `store` running at most `workers` tasks at once. Fails the live tasks of
    /// processes that are gone and deletes expired ones.
    public init(store: Store, workers: Int = 2, owner: String = ProcessToken.current,
                now: @escaping @Sendable () -> Int64 = TaskManager.systemMilliseconds,
                makeID: @escaping @Sendable () -> String = TaskManager.randomID) throws {
        tasks = TaskStore(store: store)
        self.workers = max(1, workers)
        self.owner = owner
        self.now = now
        self.makeID = makeID
        try recoverInterrupted()
        try tasks.purgeExpired(at: now())
    }

    /// The wall clock in milliseconds since 1970.
    public static let systemMilliseconds: @Sendable () -> Int64 = {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    /// `task_` and 24 random hex digits.
    public static let randomID: @Sendable () -> String = {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return "task_" + String((0..<24).map { _ in digits[Int(generator.next() % 16)] })
    }

    // MARK: Submitting and running

    /// Creates a pending task of `kind` (durably) and queues `work` for a worker; `observer`
    /// (see `observe`) is registered before the work can start, so it hears every event.
    public func submit(kind: String, input: JSONValue, ttl: Int64? = nil, observer: (@Sendable (Update) -> Void)? = nil,
                       work: @escaping Work) throws -> TaskRecord {
        let created = now()
        let record = TaskRecord(id: makeID(), kind: kind, status: .pending, statusMessage: "Queued; waiting for a worker.",
                                createdAt: created, updatedAt: created, ttl: ttl, input: input, eventCount: 0,
                                result: nil, error: nil, owner: owner)
        try tasks.create(record)
        if let observer { _ = observe(record.id, observer) }
        state.withLock { $0.queue.append((record.id, work)) }
        pump()
        return record
    }

    /// Starts queued work while workers are free.
    private func pump() {
        state.withLock { state in
            while state.running.count < workers, !state.queue.isEmpty {
                let (id, work) = state.queue.removeFirst()
                state.running[id] = Task { await self.run(id, work) }
            }
        }
    }

    /// Runs one task to its end and records how it ended.
    private func run(_ id: String, _ work: Work) async {
        defer {
            state.withLock { _ = $0.running.removeValue(forKey: id) }
            pump()
        }
        guard case .changed = (try? tasks.update(id, at: now(), event: nil) { record in
            record.status = .inProgress
            record.statusMessage = "Running."
        }) ?? .refused(nil) else { return finished(id) }
        let context = TaskContext(id: id, manager: self)
        do {
            let result = try await work(context)
            _ = try? tasks.update(id, at: now(), event: ("completed", "Completed.", nil, nil)) { record in
                record.status = .completed
                record.result = result
            }
        } catch is CancellationError {
            _ = try? tasks.update(id, at: now(), event: ("cancelled", "Cancelled.", nil, nil)) { $0.status = .cancelled }
        } catch let error as TaskError {
            _ = try? tasks.update(id, at: now(), event: ("failed", error.message, nil, nil)) { record in
                record.status = .failed
                record.result = error.result
                record.error = TaskError(code: error.code, message: error.message)
            }
        } catch {
            let failure = TaskError(code: "internal_error", message: "The task failed inside the server: \(error).")
            _ = try? tasks.update(id, at: now(), event: ("failed", failure.message, nil, nil)) { record in
                record.status = .failed
                record.error = failure
            }
        }
        finished(id)
    }

    /// Tells observers that task `id` ended, and forgets them.
    private func finished(_ id: String) {
        guard let record = try? tasks.record(id) else { return }
        let observers = state.withLock { $0.observers.removeValue(forKey: id) ?? [:] }
        for observer in observers.values { observer(.finished(record)) }
    }

    /// Appends a progress event to live task `id`; throws `CancellationError` when the task is
    /// no longer live (cancelled from this or another process).
    func report(_ id: String, message: String, progress: Double?, total: Double?) throws {
        try Task.checkCancellation()
        switch try tasks.update(id, at: now(), event: ("progress", message, progress, total), { _ in }) {
        case .refused: throw CancellationError()
        case .changed(let record):
            let event = TaskEvent(id: record.eventCount - 1, type: "progress", message: message, at: record.updatedAt,
                                  progress: progress, total: total)
            let observers = state.withLock { Array(($0.observers[id] ?? [:]).values) }
            for observer in observers { observer(.event(event, task: id)) }
        }
    }

    // MARK: Reading

    /// Task `id` as it stands, or nil when there is none. A live task whose process is gone is
    /// failed first (`interrupted`); an expired one is deleted.
    public func record(_ id: String) throws -> TaskRecord? {
        guard var record = try tasks.record(id) else { return nil }
        if record.status.isTerminal && record.isExpired(at: now()) {
            try tasks.purgeExpired(at: now())
            return nil
        }
        if !record.status.isTerminal && record.owner != owner && !ProcessToken.isAlive(record.owner) {
            if case .changed(let failed) = try interrupt(record) { record = failed }
        }
        return record
    }

    /// The events of task `id` numbered `since` and up.
    public func events(_ id: String, since: Int = 0) throws -> [TaskEvent] { try tasks.events(id, since: since) }

    /// A page of tasks, oldest first (expired ones left out), and the cursor for the next page.
    public func list(after cursor: RecordCursor?, limit: Int) throws -> (records: [TaskRecord], next: RecordCursor?) {
        let (records, last) = try tasks.list(after: cursor, limit: limit)
        let time = now()
        return (records.filter { !($0.status.isTerminal && $0.isExpired(at: time)) }, records.count == limit ? last : nil)
    }

    /// Waits until task `id` is terminal, checking every `interval` milliseconds; throws
    /// `CancellationError` when the waiting task is cancelled and `Failure.notFound` when it is gone.
    public func waitUntilTerminal(_ id: String, interval: Int = 25) async throws -> TaskRecord {
        while true {
            guard let record = try record(id) else { throw Failure.notFound(id) }
            if record.status.isTerminal { return record }
            try await Task.sleep(nanoseconds: UInt64(max(1, interval)) * 1_000_000)
        }
    }

    // MARK: Cancelling and observing

    /// Cancels task `id`: it becomes `cancelled` at once (in the store) and its work is stopped.
    public func cancel(_ id: String, reason: String = "Cancelled at the caller's request.") throws -> TaskRecord {
        switch try tasks.update(id, at: now(), event: ("cancelled", reason, nil, nil), { $0.status = .cancelled }) {
        case .refused(let record?): throw Failure.terminal(record)
        case .refused(nil): throw Failure.notFound(id)
        case .changed(let record):
            let running = state.withLock { state -> Task<Void, Never>? in
                state.queue.removeAll { $0.id == id }
                return state.running[id]
            }
            running?.cancel()
            if running == nil { finished(id) }
            return record
        }
    }

    /// Calls `handler` with each event and the end of task `id` (run by this process); returns a
    /// token for `stopObserving`.
    public func observe(_ id: String, _ handler: @escaping @Sendable (Update) -> Void) -> Int {
        state.withLock { state in
            state.nextObserver += 1
            state.observers[id, default: [:]][state.nextObserver] = handler
            return state.nextObserver
        }
    }

    /// Stops the observer `token` of task `id`.
    public func stopObserving(_ id: String, _ token: Int) {
        state.withLock { _ = $0.observers[id]?.removeValue(forKey: token) }
    }

    // MARK: Recovery

    /// Fails every live task whose owning process is gone; returns how many.
    @discardableResult
    public func recoverInterrupted() throws -> Int {
        var count = 0
        for record in try tasks.live() where record.owner != owner && !ProcessToken.isAlive(record.owner) {
            if case .changed = try interrupt(record) { count += 1 }
        }
        return count
    }

    /// Marks a live task of a dead process `failed` with `interrupted`.
    private func interrupt(_ record: TaskRecord) throws -> TaskStore.Change {
        try tasks.update(record.id, at: now(), event: ("failed", TaskError.interrupted.message, nil, nil)) { record in
            record.status = .failed
            record.error = .interrupted
        }
    }
}

/// What a task's work may use: its id, and progress reporting that also tells it to stop.
public struct TaskContext: Sendable {
    /// The task's id.
    public let id: String
    /// The manager running it.
    let manager: TaskManager

    /// Records a progress event; throws `CancellationError` when the task was cancelled (here or
    /// by another process), so the work stops at its next report.
    public func report(_ message: String, progress: Double? = nil, total: Double? = nil) throws {
        try manager.report(id, message: message, progress: progress, total: total)
    }
}
