import JSON
public import Runs

/// The store collections of research runs.
enum RunsCollections {
    /// One record per run: `RunRecord`.
    static let runs = "agent_runs"
    /// One record per thread: `ThreadRecord`.
    static let threads = "agent_threads"
    /// One record per report: `ReportRecord`.
    static let reports = "reports"
}

/// A run as stored: what was asked, where it belongs and the task that does the work. Its
/// status, result and error live in the task (one source of truth, whichever process reads it).
public struct RunRecord: Sendable, Equatable {
    /// `run_…`.
    public var id: String
    /// The thread it belongs to.
    public var threadID: String
    /// The durable task that works on it.
    public var taskID: String
    /// When it was dispatched, RFC 3339 UTC with milliseconds.
    public var createdAt: String
    /// What was asked.
    public var request: RunRequest

    /// A record.
    public init(id: String, threadID: String, taskID: String, createdAt: String, request: RunRequest) {
        self.id = id
        self.threadID = threadID
        self.taskID = taskID
        self.createdAt = createdAt
        self.request = request
    }

    /// The stored JSON.
    var json: JSONValue {
        ["run_id": .string(id), "thread_id": .string(threadID), "task_id": .string(taskID), "created_at": .string(createdAt),
         "request": .object(request.json)]
    }

    /// Reads a stored record; nil when it is damaged.
    init?(json: JSONValue) {
        guard let id = json["run_id"]?.stringValue, let thread = json["thread_id"]?.stringValue,
              let task = json["task_id"]?.stringValue, let created = json["created_at"]?.stringValue,
              let request = json["request"].flatMap(RunRequest.init(json:)) else { return nil }
        self.init(id: id, threadID: thread, taskID: task, createdAt: created, request: request)
    }
}

/// A thread as stored: its runs in the order they were dispatched.
public struct ThreadRecord: Sendable, Equatable {
    /// The thread's id (a UUID).
    public var id: String
    /// When its first run was dispatched.
    public var createdAt: String
    /// Its runs, oldest first.
    public var runIDs: [String]

    /// A record.
    public init(id: String, createdAt: String, runIDs: [String]) {
        self.id = id
        self.createdAt = createdAt
        self.runIDs = runIDs
    }

    /// The stored JSON.
    var json: JSONValue {
        ["thread_id": .string(id), "created_at": .string(createdAt), "run_ids": .array(runIDs.map { .string($0) })]
    }

    /// Reads a stored record; nil when it is damaged.
    init?(json: JSONValue) {
        guard let id = json["thread_id"]?.stringValue, let created = json["created_at"]?.stringValue,
              let runs = json["run_ids"]?.arrayValue else { return nil }
        self.init(id: id, createdAt: created, runIDs: runs.compactMap(\.stringValue))
    }
}
