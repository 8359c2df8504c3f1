public import Store
import JSON

/// Tasks and their events in the store, each change one transaction: `tasks` holds the records,
/// `task_events` one record per event (`<task id>.<number>`), so appending an event never
/// rewrites the others. Every change checks the status inside its transaction, so a terminal
/// task never changes again, whichever process tries.
public struct TaskStore: Sendable {
    /// The collection of task records.
    static let tasks = "tasks"
    /// The collection of task events.
    static let events = "task_events"

    /// The store.
    public let store: Store

    /// Tasks in `store`.
    public init(store: Store) { self.store = store }

    /// The id of event `number` of task `id`.
    static func eventID(_ id: String, _ number: Int) -> String { "\(id).\(number)" }

    /// Writes a new record.
    func create(_ record: TaskRecord) throws {
        try store.put(collection: Self.tasks, id: record.id, value: record.json)
    }

    /// The record `id` as stored, or nil.
    public func record(_ id: String) throws -> TaskRecord? {
        try store.get(collection: Self.tasks, id: id).flatMap(TaskRecord.init(json:))
    }

    /// The events of task `id` numbered `since` and up.
    public func events(_ id: String, since: Int = 0) throws -> [TaskEvent] {
        guard let record = try record(id) else { return [] }
        var events: [TaskEvent] = []
        for number in max(0, since)..<max(max(0, since), record.eventCount) {
            if let event = try store.get(collection: Self.events, id: Self.eventID(id, number)).flatMap(TaskEvent.init(json:)) {
                events.append(event)
            }
        }
        return events
    }

    /// What an update did.
    enum Change {
        /// The record after the change.
        case changed(TaskRecord)
        /// The task is already terminal (or gone): nothing was written.
        case refused(TaskRecord?)
    }

    /// Applies `change` to a live task and appends `event` (numbered by the store), in one
    /// transaction; refused when the task is terminal or missing.
    func update(_ id: String, at now: Int64, event: (type: String, message: String, progress: Double?, total: Double?)?,
                _ change: (inout TaskRecord) -> Void) throws -> Change {
        try store.update { transaction -> Change in
            guard var record = transaction.get(collection: Self.tasks, id: id).flatMap(TaskRecord.init(json:)) else { return .refused(nil) }
            guard !record.status.isTerminal else { return .refused(record) }
            change(&record)
            record.updatedAt = now
            if let event {
                let stored = TaskEvent(id: record.eventCount, type: event.type, message: event.message, at: now,
                                       progress: event.progress, total: event.total)
                try transaction.put(collection: Self.events, id: Self.eventID(id, stored.id), value: stored.json)
                record.eventCount += 1
                record.statusMessage = event.message
            }
            try transaction.put(collection: Self.tasks, id: id, value: record.json)
            return .changed(record)
        }
    }

    /// Up to `limit` records after `cursor`, oldest first, and the cursor of the last one.
    public func list(after cursor: RecordCursor?, limit: Int) throws -> (records: [TaskRecord], last: RecordCursor?) {
        let page = try store.records(in: Self.tasks, after: cursor, limit: limit)
        return (page.compactMap { TaskRecord(json: $0.value) }, page.last?.cursor)
    }

    /// Every live record (pending or in progress).
    func live() throws -> [TaskRecord] {
        try store.records(in: Self.tasks).compactMap { TaskRecord(json: $0.value) }.filter { !$0.status.isTerminal }
    }

    /// Deletes terminal records past their ttl, with their events; returns how many.
    @discardableResult
    func purgeExpired(at now: Int64) throws -> Int {
        let expired = try store.records(in: Self.tasks).compactMap { TaskRecord(json: $0.value) }
            .filter { $0.status.isTerminal && $0.isExpired(at: now) }
        guard !expired.isEmpty else { return 0 }
        try store.update { transaction in
            for record in expired {
                try transaction.delete(collection: Self.tasks, id: record.id)
                for number in 0..<record.eventCount { try transaction.delete(collection: Self.events, id: Self.eventID(record.id, number)) }
            }
        }
        return expired.count
    }
}
