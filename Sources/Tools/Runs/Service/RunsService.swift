public import Store
public import Crypto
public import Tasks
public import Runs
import JSON

/// Research runs in the store, worked on by the product's task facility: dispatching a run
/// writes a durable task and returns at once; the run's status, result and error are the
/// task's, read back by any process sharing the home. A run interrupted by a restart ends
/// `failed` with the task's `interrupted` reason; a cancelled one ends `failed` with `cancelled`.
public struct RunsService: Sendable {
    /// Where runs and threads are kept.
    let store: Store
    /// The task facility.
    let tasks: TaskManager
    /// The research engine.
    let engine: RunEngine
    /// The clock.
    let clock: WallClock
    /// Randomness for ids.
    let random: RandomBytes
    /// The web search provider, if one is configured.
    let web: WebSearchProvider?

    /// The task kind of a run.
    static let taskKind = "agent_run"
    /// Serialises dispatches in this process, so two runs of one thread cannot both pass the
    /// in-flight check.
    static let dispatching = Locked(())

    /// A service over these parts.
    public init(store: Store, tasks: TaskManager, engine: RunEngine, clock: WallClock, random: RandomBytes, web: WebSearchProvider?) {
        self.store = store
        self.tasks = tasks
        self.engine = engine
        self.clock = clock
        self.random = random
        self.web = web
    }

    /// Milliseconds since 1970 by the injected clock.
    var nowMilliseconds: Int64 { Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down)) }

    // MARK: Dispatching

    /// Dispatches a run of `request`, in thread `threadID` (a new thread when nil), asking the
    /// host's model through `sampling` when it can. Returns the run, queued.
    public func create(_ request: RunRequest, threadID: String?, sampling: Sampling) throws -> AgentRun {
        try Self.dispatching.withLock { _ in
            var thread = try openThread(threadID)
            return try dispatch(request, in: &thread, after: nil, sampling: sampling)
        }
    }

    /// Runs `request` within the MCP task `taskID` this call runs as (task-augmented
    /// `tools/call`): the run is stored with that task as its own, so agent_run_get follows
    /// it and `tasks/cancel` ends it `failed` with `cancelled`. Returns the completed run;
    /// throws `TaskError` (the run's error) when it fails.
    public func runInTask(_ request: RunRequest, threadID: String?, sampling: Sampling, taskID: String,
                          progress: ProgressReporter) async throws -> AgentRun {
        let record = try Self.dispatching.withLock { _ -> RunRecord in
            var thread = try openThread(threadID)
            let record = RunRecord(id: "run_" + Hex.encode(try random.bytes(12), prefix: false), threadID: thread.id, taskID: taskID,
                                   createdAt: TaskTime.iso(nowMilliseconds), request: request)
            thread.runIDs.append(record.id)
            try store.update { transaction in
                try transaction.put(collection: RunsCollections.runs, id: record.id, value: record.json)
                try transaction.put(collection: RunsCollections.threads, id: thread.id, value: thread.json)
            }
            return record
        }
        let result = try await work(runID: record.id, threadID: record.threadID, request: request, sampling: sampling) { message, step in
            try Task.checkCancellation()
            progress.report(step, total: Self.steps, message: message)
        }
        return AgentRun(runID: record.id, status: .completed, createdAt: record.createdAt, threadID: record.threadID,
                        completedAt: TaskTime.iso(nowMilliseconds), result: result)
    }

    /// The thread a dispatch goes into: `id`'s, refused when it has a run in flight, or a new one.
    func openThread(_ id: String?) throws -> ThreadRecord {
        let created = TaskTime.iso(nowMilliseconds)
        guard let id else { return ThreadRecord(id: try UUID4.string(using: random), createdAt: created, runIDs: []) }
        guard let existing = try threadRecord(id) else {
            throw ToolFailure(code: .notFound, message: "No thread \"\(id)\": pass the thread_id of an earlier run, or leave it out to start a new thread.",
                              details: ["field": "thread_id"])
        }
        for runID in existing.runIDs.reversed() {
            guard let run = try runRecord(runID), let task = try tasks.record(run.taskID), !task.status.isTerminal else { continue }
            throw ToolFailure(code: .conflict, message: "Thread \(id) already has a run in flight (\(runID)); wait for it with agent_run_wait, then ask the follow-up.",
                              details: ["run_id": .string(runID)])
        }
        return existing
    }

    /// Dispatches a run of `request` at the end of `thread` (stored with it); when `after` names
    /// an earlier run, the work waits for it to end first (safe: a task only waits for tasks
    /// submitted before it, and workers take tasks in order).
    func dispatch(_ request: RunRequest, in thread: inout ThreadRecord, after: RunRecord?, sampling: Sampling) throws -> AgentRun {
        let created = TaskTime.iso(nowMilliseconds)
        let runID = "run_" + Hex.encode(try random.bytes(12), prefix: false)
        let threadID = thread.id
        let service = self
        let task = try tasks.submit(kind: Self.taskKind, input: ["run_id": .string(runID), "thread_id": .string(threadID)]) { context in
            if let after { _ = try await service.tasks.waitUntilTerminal(after.taskID) }
            return try await service.work(runID: runID, threadID: threadID, request: request, sampling: sampling, task: context).json
        }
        let record = RunRecord(id: runID, threadID: threadID, taskID: task.id, createdAt: created, request: request)
        thread.runIDs.append(runID)
        try store.update { transaction in
            try transaction.put(collection: RunsCollections.runs, id: runID, value: record.json)
            try transaction.put(collection: RunsCollections.threads, id: threadID, value: thread.json)
        }
        return AgentRun(runID: runID, status: .queued, createdAt: created, threadID: threadID)
    }

    // MARK: Reading

    /// The stored record of run `id`, or nil.
    func runRecord(_ id: String) throws -> RunRecord? {
        try store.get(collection: RunsCollections.runs, id: id).flatMap(RunRecord.init(json:))
    }

    /// The stored record of thread `id`, or nil.
    func threadRecord(_ id: String) throws -> ThreadRecord? {
        try store.get(collection: RunsCollections.threads, id: id).flatMap(ThreadRecord.init(json:))
    }

    /// Run `id` as it stands; `not_found` when there is none.
    public func run(_ id: String) throws -> AgentRun {
        guard let record = try runRecord(id) else {
            throw ToolFailure(code: .notFound, message: "No run \"\(id)\": pass the run_id that agent_run_create returned.",
                              details: ["field": "run_id"])
        }
        return try view(record)
    }

    /// The run of `record`, its status, result and error read from its task.
    func view(_ record: RunRecord) throws -> AgentRun {
        var run = AgentRun(runID: record.id, status: .queued, createdAt: record.createdAt, threadID: record.threadID)
        guard let task = try tasks.record(record.taskID) else {
            run.status = .failed
            run.error = RunError(code: "expired", message: "The run's task is no longer kept; dispatch the run again.")
            return run
        }
        if task.status.isTerminal { run.completedAt = TaskTime.iso(task.updatedAt) }
        switch task.status {
        case .pending: run.status = .queued
        case .inProgress: run.status = .running
        case .completed:
            // A run's own task holds its result; an MCP task it ran in holds the tool's result, the run.
            let stored = task.result.map(JSONValue.object)
            guard let result = stored.flatMap({ AgentResult(json: $0) ?? $0["structuredContent"]?["result"].flatMap(AgentResult.init(json:)) }) else {
                run.status = .failed
                run.error = RunError(code: "internal_error", message: "The run's result could not be read back from the store.")
                return run
            }
            run.status = .completed
            run.result = result
        case .failed:
            run.status = .failed
            run.error = RunError(code: task.error?.code ?? "internal_error", message: task.error?.message ?? "The run failed.")
        case .cancelled:
            run.status = .failed
            run.error = .cancelled(task.statusMessage.map { "The run was cancelled before it finished: \($0)" } ?? "The run was cancelled before it finished.")
        }
        return run
    }

    /// Thread `id` and its runs, oldest first; `not_found` when there is none.
    public func thread(_ id: String) throws -> (record: ThreadRecord, runs: [AgentRun]) {
        guard let record = try threadRecord(id) else {
            throw ToolFailure(code: .notFound, message: "No thread \"\(id)\": pass a thread_id from agent_run_create or agent_thread_list.",
                              details: ["field": "thread_id"])
        }
        return (record, try record.runIDs.compactMap { try runRecord($0) }.map(view))
    }

    /// A page of threads, oldest first, with the cursor of the next page.
    public func threads(after cursor: String?, limit: Int) throws -> (items: [ThreadRecord], next: String?) {
        try store.page(of: RunsCollections.threads, after: cursor, limit: limit,
                       badCursor: { ToolFailure.invalidRequest("`cursor` \"\($0)\" is not one this server handed out; leave it out to start from the first page.", field: "cursor") },
                       keep: { ThreadRecord(json: $0.value) })
    }

    /// The finished runs of thread `threadID` before run `runID`, oldest first, as follow-ups need them.
    func priorRuns(threadID: String, before runID: String) throws -> [PriorRun] {
        guard let thread = try threadRecord(threadID) else { return [] }
        var prior: [PriorRun] = []
        for id in thread.runIDs {
            if id == runID { break }
            guard let record = try runRecord(id), let result = try view(record).result else { continue }
            prior.append(PriorRun(query: record.request.query, resolvedQuery: result.resolvedQuery,
                                  cardIDs: result.cards.compactMap { $0["card_id"]?.stringValue }))
        }
        return prior
    }

    /// Cancels run `id`: its task stops and the run ends `failed` with `cancelled`. A run that
    /// already ended is left as it is.
    public func cancel(_ id: String, reason: String) throws -> AgentRun {
        guard let record = try runRecord(id) else { return try run(id) }
        do {
            _ = try tasks.cancel(record.taskID, reason: reason)
        } catch TaskManager.Failure.terminal {
            // Ended meanwhile: nothing to stop.
        } catch TaskManager.Failure.notFound {
            // Expired: `view` says so.
        }
        return try view(record)
    }
}
