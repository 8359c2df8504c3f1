public import JSON
/// A durable, multi-process store of JSON records in named collections, kept in a home folder.
///
/// Files: `snapshot.json` (every record as of a sequence number), `journal.jsonl` (one line per
/// transaction since), `store.lock` (the `flock` lock that serialises writers across processes).
/// A write is acknowledged only after its journal line is fsync'd; a crash at any instant loses no
/// acknowledged write and leaves no half-applied transaction. Several processes may share a home:
/// every call first catches up with what the others committed.
///
/// The lock file also counts the acknowledged transactions (see `CommitCounter`), so a journal that
/// lost some (emptied, cut short, replaced by an older copy) is reported as damage, never served as
/// if nothing had happened.
///
/// The API is synchronous and thread-safe: calls from many threads or tasks are serialised by a mutex.
/// From async code a call blocks its thread for the duration of one fsync (or while another process
/// holds the lock for a write), which is short; no call suspends.
public final class Store: @unchecked Sendable {
    /// The home folder.
    public let home: String
    /// Serialises this instance's callers; guards `engine`.
    private let mutex = CheckedMutex()
    /// The state and files; used only while holding `mutex`. Nil for a store opened damaged.
    private let openEngine: StoreEngine?
    /// Why the store could not be opened, for a store opened by `openForServing` on damaged files:
    /// every call throws it. Nil for a store that opened.
    public let damage: StoreError?
    /// Whether the store was opened read-only (`StoreOptions.readOnly`).
    public let isReadOnly: Bool

    /// Opens the store in `home`, creating the folder (mode 0700) and its files if missing.
    ///
    /// Sets a torn last journal line left by a crash aside (into a quarantine file), with a warning
    /// through `options.log`. Throws `corruptData` or `unsupportedVersion` (naming the file, the
    /// line or offset, and what to do) if a file is damaged, lacks acknowledged transactions, or is
    /// from a newer release; such a file is not modified. Read-only (`options.readOnly`), nothing is
    /// created or modified at all.
    public init(home: String, options: StoreOptions = StoreOptions()) throws(StoreError) {
        self.home = home
        openEngine = try StoreEngine(home: home, options: options)
        damage = nil
        isReadOnly = options.readOnly
    }

    /// A store that could not be opened: every call throws `damage`.
    private init(home: String, damage: StoreError, readOnly: Bool) {
        self.home = home
        openEngine = nil
        self.damage = damage
        isReadOnly = readOnly
    }

    /// Opens the store in `home` for a server, which should start even when the files are damaged so
    /// that it can say what is wrong: as `init`, but damaged files or files from a newer release
    /// (`corruptData`, `unsupportedVersion`) give a store whose `damage` is that error and whose
    /// every call throws it; nothing is modified. Other failures (permissions, a full disk) throw.
    public static func openForServing(home: String, options: StoreOptions = StoreOptions()) throws(StoreError) -> Store {
        do {
            return try Store(home: home, options: options)
        } catch where error.code == .corruptData || error.code == .unsupportedVersion {
            options.log("tak-store warning: serving without the store until it is repaired: \(error.message)")
            return Store(home: home, damage: error, readOnly: options.readOnly)
        }
    }

    // MARK: Reading

    /// The value of record `id` in `collection`, or nil if there is none.
    public func get(collection: String, id: String) throws(StoreError) -> JSONValue? {
        try read { state throws(StoreError) in state.collections[collection]?.value(for: id) }
    }

    /// Whether `collection` has a record `id`.
    public func contains(collection: String, id: String) throws(StoreError) -> Bool {
        try get(collection: collection, id: id) != nil
    }

    /// How many records `collection` has; O(1).
    public func count(in collection: String) throws(StoreError) -> Int {
        try read { state throws(StoreError) in state.collections[collection]?.count ?? 0 }
    }

    /// Up to `limit` records of `collection` that come after `cursor` (from the start if nil), in commit
    /// order: the order in which their ids were first inserted, the same in every process.
    ///
    /// Costs O(log n + limit), plus any deleted slots not yet swept. Pass the last record's `cursor` to
    /// get the next page: records inserted meanwhile appear at the end, deleted ones drop out, and none
    /// is skipped or repeated, even if the cursor's own record was deleted.
    public func records(in collection: String, after cursor: RecordCursor? = nil,
                        limit: Int = .max) throws(StoreError) -> [StoredRecord] {
        try Self.validate(limit: limit)
        return try read { state throws(StoreError) in
            state.collections[collection]?.records(after: cursor?.position, limit: limit) ?? []
        }
    }

    /// Up to `limit` records of `collection` that come after the record `id`, in commit order.
    /// Throws `recordNotFound` if there is no such record; a cursor from `records(in:after:limit:)`
    /// keeps working after its record is deleted.
    public func records(in collection: String, afterID id: String, limit: Int = .max) throws(StoreError) -> [StoredRecord] {
        try Self.validate(limit: limit)
        return try read { state throws(StoreError) in
            guard let records = state.collections[collection], let position = records.position(of: id) else {
                throw Self.missingCursor(collection: collection, id: id)
            }
            return records.records(after: position, limit: limit)
        }
    }

    /// The names of the collections that have ever held a record, sorted.
    public func collectionNames() throws(StoreError) -> [String] {
        try read { state throws(StoreError) in state.collections.keys.sorted() }
    }

    /// The number of records in every collection that has ever held one, read in one catch-up.
    public func recordCounts() throws(StoreError) -> [String: Int] {
        try read { state throws(StoreError) in state.recordCounts }
    }

    /// The sequence number of the last committed transaction (0 for a new store); it only grows.
    public func sequenceNumber() throws(StoreError) -> Int64 {
        try read { state throws(StoreError) in state.seq }
    }

    // MARK: Writing

    /// Runs `body` under the exclusive lock, after catching up with every process's commits, and commits
    /// all its changes as one journal line before returning: all or nothing.
    ///
    /// If `body` throws, nothing is written and the error is passed on. Because other writers wait for the
    /// lock, "read, check, then change" inside `body` is safe across threads and processes. Do not call this
    /// store from inside `body` (that stops the program with a message), nor another `Store` on the same
    /// home (that would wait for this one forever); use `transaction`.
    @discardableResult
    public func update<T>(_ body: (_ transaction: Transaction) throws -> T) throws -> T {
        try mutex.withLock { () throws -> T in
            let engine = try writableEngine()
            try engine.acquire(.exclusive)
            defer { engine.release() }
            try engine.catchUp()
            let transaction = Transaction(engine: engine)
            defer { transaction.isOpen = false }
            let result = try body(transaction)
            transaction.isOpen = false
            if !transaction.operations.isEmpty {
                try engine.commit(transaction.operations)
                try engine.compactIfDue()
            }
            return result
        }
    }

    /// Sets record `id` of `collection` to `value`, as a transaction of its own.
    public func put(collection: String, id: String, value: JSONValue) throws(StoreError) {
        try typedUpdate { transaction throws(StoreError) in try transaction.put(collection: collection, id: id, value: value) }
    }

    /// Deletes record `id` of `collection`, as a transaction of its own; returns whether there was one.
    @discardableResult
    public func delete(collection: String, id: String) throws(StoreError) -> Bool {
        try typedUpdate { transaction throws(StoreError) in try transaction.delete(collection: collection, id: id) }
    }

    /// Writes a new snapshot of every record and empties the journal, now. Compaction also runs by itself
    /// once the journal outgrows both `StoreOptions.compactionThreshold` and the snapshot.
    public func compact() throws(StoreError) {
        try mutex.withLock { () throws(StoreError) in
            let engine = try writableEngine()
            try engine.acquire(.exclusive)
            defer { engine.release() }
            try engine.catchUp()
            try engine.compact()
        }
    }

    /// The shared change counter's value and the value this instance last saw (for tests).
    var changeCounter: (current: UInt64?, seen: UInt64?) {
        mutex.withLock { (openEngine?.changes?.current, openEngine?.seenChange) }
    }

    // MARK: Helpers

    /// The engine, if this store opened and is still usable; call while holding `mutex`.
    private func usableEngine() throws(StoreError) -> StoreEngine {
        guard let openEngine else { throw damage! }
        try openEngine.ensureUsable()
        return openEngine
    }

    /// The engine, if this store may be changed; call while holding `mutex`.
    private func writableEngine() throws(StoreError) -> StoreEngine {
        let engine = try usableEngine()
        if engine.isReadOnly {
            throw StoreError(.readOnly, "The store in \(home) was opened read-only and refuses every change; "
                + "open it without read-only (start tak-mcp without --read-only) to write.", path: home)
        }
        return engine
    }

    /// Runs `body` on the caught-up state under the mutex.
    private func read<T>(_ body: (StoreState) throws(StoreError) -> T) throws(StoreError) -> T {
        try mutex.withLock { () throws(StoreError) -> T in
            let engine = try usableEngine()
            try engine.catchUp()
            return try body(engine.state)
        }
    }

    /// `update` for a body that throws only `StoreError`.
    private func typedUpdate<T>(_ body: (Transaction) throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            return try update(body)
        } catch let error as StoreError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }

    /// Throws `invalidArgument` for a negative page size.
    static func validate(limit: Int) throws(StoreError) {
        if limit < 0 { throw StoreError(.invalidArgument, "A page size (limit) must not be negative; got \(limit).") }
    }

    /// The error for a pagination id that names no record.
    static func missingCursor(collection: String, id: String) -> StoreError {
        StoreError(.recordNotFound,
                   "Collection \"\(collection)\" has no record \"\(id)\" to continue after; it may have been deleted. "
                       + "Continue with the record's cursor instead, or start again from the beginning.")
    }
}
