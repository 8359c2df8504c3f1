public import JSON

/// Where a run stands (the seed's `status`).
public enum RunStatus: String, Sendable, CaseIterable {
    /// Dispatched, not started.
    case queued
    /// Being worked on.
    case running
    /// Finished with a result.
    case completed
    /// Finished with an error.
    case failed

    /// Whether the run has ended.
    public var isTerminal: Bool { self == .completed || self == .failed }
}

/// Why a run failed (the seed's `error`): a stable code and a message for the model.
public struct RunError: Error, Sendable, Equatable {
    /// The code, e.g. `cancelled`, `source_unavailable`, `interrupted`.
    public var code: String
    /// What happened and what to do.
    public var message: String

    /// An error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The run was cancelled before it finished.
    public static func cancelled(_ message: String = "The run was cancelled before it finished.") -> RunError {
        RunError(code: "cancelled", message: message)
    }

    /// The JSON `{code, message}`.
    public var json: JSONObject { ["code": .string(code), "message": .string(message)] }

    /// Reads `{code, message}`.
    public init?(json: JSONValue) {
        guard let code = json["code"]?.stringValue, let message = json["message"]?.stringValue else { return nil }
        self.init(code: code, message: message)
    }
}

/// One run as the seed's resource: `{run_id, object, status, created_at, thread_id,
/// completed_at, result, error}`.
public struct AgentRun: Sendable, Equatable {
    /// The run's id.
    public var runID: String
    /// Where it stands.
    public var status: RunStatus
    /// When it was dispatched, RFC 3339.
    public var createdAt: String
    /// The thread it belongs to.
    public var threadID: String
    /// When it ended, RFC 3339.
    public var completedAt: String?
    /// The result, when completed.
    public var result: AgentResult?
    /// The error, when failed.
    public var error: RunError?

    /// A run.
    public init(runID: String, status: RunStatus, createdAt: String, threadID: String, completedAt: String? = nil,
                result: AgentResult? = nil, error: RunError? = nil) {
        self.runID = runID
        self.status = status
        self.createdAt = createdAt
        self.threadID = threadID
        self.completedAt = completedAt
        self.result = result
        self.error = error
    }

    /// The resource's JSON; absent parts are null, as the seed shows them.
    public var json: JSONObject {
        [
            "run_id": .string(runID), "object": "agent.run", "status": .string(status.rawValue),
            "created_at": .string(createdAt), "thread_id": .string(threadID),
            "completed_at": completedAt.map { .string($0) } ?? .null,
            "result": result.map { .object($0.json) } ?? .null,
            "error": error.map { .object($0.json) } ?? .null,
        ]
    }
}
