public import JSON
import Store

/// Where a task stands. `pending` and `inProgress` are live; the others are terminal and never change.
public enum TaskStatus: String, Sendable, CaseIterable {
    /// Queued: waiting for a worker.
    case pending
    /// A worker is running it.
    case inProgress = "in_progress"
    /// It finished; `result` holds what it produced.
    case completed
    /// It failed; `error` says why (also when a restart interrupted it).
    case failed
    /// It was cancelled before it finished.
    case cancelled

    /// Whether the status is final.
    public var isTerminal: Bool { self == .completed || self == .failed || self == .cancelled }
}

/// Why a task failed.
public struct TaskError: Error, Sendable, Equatable {
    /// A stable code: `interrupted`, `internal_error`, or the work's own.
    public var code: String
    /// What happened and what to do, for a person or a model.
    public var message: String
    /// What the work produced anyway (a tool's `isError` result), kept as the task's result.
    public var result: JSONObject?

    /// Creates an error.
    public init(code: String, message: String, result: JSONObject? = nil) {
        self.code = code
        self.message = message
        self.result = result
    }

    /// The error of a task whose process stopped before it finished.
    public static let interrupted = TaskError(
        code: "interrupted",
        message: "The server that ran this task stopped (it was restarted or killed) before the task finished; start it again.")
}

/// One event of a task, numbered from 0 in the order they happened.
public struct TaskEvent: Sendable, Equatable {
    /// The number: 0, 1, 2…; a poller asks for those after the last it saw.
    public var id: Int
    /// `progress`, or the final status: `completed`, `failed`, `cancelled`.
    public var type: String
    /// What happened, in words.
    public var message: String
    /// When, in milliseconds since 1970.
    public var at: Int64
    /// How far along (increasing), when the work says.
    public var progress: Double?
    /// Out of how much, when known.
    public var total: Double?

    /// Creates an event.
    public init(id: Int, type: String, message: String, at: Int64, progress: Double? = nil, total: Double? = nil) {
        self.id = id
        self.type = type
        self.message = message
        self.at = at
        self.progress = progress
        self.total = total
    }
}

/// A durable task as the store keeps it.
public struct TaskRecord: Sendable, Equatable {
    /// The id, `task_` and 24 hex digits.
    public var id: String
    /// What kind of work it is, e.g. `tool:knowledge_search`.
    public var kind: String
    /// Where it stands.
    public var status: TaskStatus
    /// The last status change or event, in words.
    public var statusMessage: String?
    /// When it was created, in milliseconds since 1970.
    public var createdAt: Int64
    /// When it last changed.
    public var updatedAt: Int64
    /// How long it is kept after creation, in milliseconds; nil keeps it until deleted.
    public var ttl: Int64?
    /// What it was asked to do (the work's own input, for display and for re-running).
    public var input: JSONValue
    /// How many events it has.
    public var eventCount: Int
    /// What it produced, once completed.
    public var result: JSONObject?
    /// Why it failed.
    public var error: TaskError?
    /// The process that runs it (see `ProcessToken`).
    public var owner: String

    /// Whether the record is past its ttl at `now`.
    public func isExpired(at now: Int64) -> Bool {
        guard let ttl else { return false }
        return now >= createdAt + ttl
    }
}

extension TaskRecord {
    /// The record as stored.
    var json: JSONValue {
        var object: JSONObject = [
            "id": .string(id), "kind": .string(kind), "status": .string(status.rawValue),
            "created_at": .integer(createdAt), "updated_at": .integer(updatedAt), "input": input,
            "event_count": .integer(Int64(eventCount)), "owner": .string(owner),
        ]
        object["status_message"] = statusMessage.map(JSONValue.string)
        object["ttl"] = ttl.map(JSONValue.integer) ?? .null
        object["result"] = result.map(JSONValue.object)
        object["error"] = error.map { .object(["code": .string($0.code), "message": .string($0.message)]) }
        return .object(object)
    }

    /// A record read back from the store; nil when the value is not one.
    init?(json value: JSONValue) {
        guard let object = value.objectValue, let id = object["id"]?.stringValue, let kind = object["kind"]?.stringValue,
              let status = object["status"]?.stringValue.flatMap(TaskStatus.init(rawValue:)),
              let createdAt = object["created_at"]?.integerValue, let updatedAt = object["updated_at"]?.integerValue,
              let count = object["event_count"]?.integerValue, let owner = object["owner"]?.stringValue else { return nil }
        self.id = id
        self.kind = kind
        self.status = status
        statusMessage = object["status_message"]?.stringValue
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        ttl = object["ttl"]?.integerValue
        input = object["input"] ?? .null
        eventCount = Int(count)
        result = object["result"]?.objectValue
        error = object["error"]?.objectValue.flatMap { error in
            error["code"]?.stringValue.map { TaskError(code: $0, message: error["message"]?.stringValue ?? "") }
        }
        self.owner = owner
    }
}

extension TaskEvent {
    /// The event as stored.
    var json: JSONValue {
        var object: JSONObject = ["id": .integer(Int64(id)), "type": .string(type), "message": .string(message), "at": .integer(at)]
        object["progress"] = progress.map(JSONValue.number)
        object["total"] = total.map(JSONValue.number)
        return .object(object)
    }

    /// An event read back from the store.
    init?(json value: JSONValue) {
        guard let object = value.objectValue, let id = object["id"]?.integerValue, let type = object["type"]?.stringValue,
              let message = object["message"]?.stringValue, let at = object["at"]?.integerValue else { return nil }
        self.init(id: Int(id), type: type, message: message, at: at, progress: object["progress"]?.doubleValue,
                  total: object["total"]?.doubleValue)
    }
}

/// Timestamps of tasks as ISO 8601 text with milliseconds: `2026-02-20T10:30:00.123Z`.
public enum TaskTime {
    /// `milliseconds` since 1970 as ISO 8601 UTC.
    public static func iso(_ milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let remainder = Int(milliseconds - seconds * 1000)
        let text = RFC3339.format(secondsSince1970: seconds)
        let fraction = String(remainder)
        return text.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }
}
