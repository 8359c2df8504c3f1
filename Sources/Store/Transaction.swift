public import JSON
/// The view and the changes of one `Store.update` call.
///
/// Reads see the committed records (as of the moment the exclusive lock was taken) with this
/// transaction's own changes on top. The changes are committed together, as one journal line, when the
/// `update` closure returns; if it throws, none are. Use it only inside the closure, on its thread.
public final class Transaction {
    /// The engine whose committed state the reads see; used only while `update` holds the locks.
    private let engine: StoreEngine
    /// The changes per collection.
    private var staged: [String: StagedCollection] = [:]
    /// The changes in the order they were made, as they will be written.
    private(set) var operations: [StoreOperation] = []
    /// False once the `update` closure has returned.
    var isOpen = true

    /// A transaction over `engine`'s current state.
    init(engine: StoreEngine) { self.engine = engine }

    /// The committed records of `collection`.
    private func base(_ collection: String) -> CollectionState? {
        precondition(isOpen, "a Transaction was used after its update closure returned")
        return engine.state.collections[collection]
    }

    /// The value of record `id` in `collection`, or nil if there is none.
    public func get(collection: String, id: String) -> JSONValue? {
        if let changes = staged[collection] { return changes.lookup(id, base: base(collection))?.value }
        return base(collection)?.value(for: id)
    }

    /// Whether `collection` has a record `id`.
    public func contains(collection: String, id: String) -> Bool { get(collection: collection, id: id) != nil }

    /// How many records `collection` has.
    public func count(in collection: String) -> Int {
        (base(collection)?.count ?? 0) + (staged[collection]?.countDelta ?? 0)
    }

    /// Up to `limit` records of `collection` after `cursor` (from the start if nil), in commit order;
    /// records inserted by this transaction come last.
    public func records(in collection: String, after cursor: RecordCursor? = nil, limit: Int = .max) -> [StoredRecord] {
        if let changes = staged[collection] {
            return changes.records(after: cursor?.position, limit: limit, base: base(collection))
        }
        return base(collection)?.records(after: cursor?.position, limit: limit) ?? []
    }

    /// Sets record `id` of `collection` to `value`; a new id goes to the end of the commit order.
    /// Throws `invalidArgument` for a bad collection name or id, or a NaN or infinite number.
    public func put(collection: String, id: String, value: JSONValue) throws(StoreError) {
        try Names.validate(collection: collection)
        try Names.validate(id: id)
        try Names.validate(value: value, id: id)
        let base = base(collection)
        staged[collection, default: StagedCollection(base: base)].put(id, value, base: base)
        operations.append(.put(collection: collection, id: id, value: value))
    }

    /// Deletes record `id` of `collection`; returns whether there was one (deleting nothing writes nothing).
    @discardableResult
    public func delete(collection: String, id: String) throws(StoreError) -> Bool {
        try Names.validate(collection: collection)
        try Names.validate(id: id)
        let base = base(collection)
        guard staged[collection, default: StagedCollection(base: base)].delete(id, base: base) else { return false }
        operations.append(.delete(collection: collection, id: id))
        return true
    }
}

extension Transaction {
    /// Up to `limit` records of `collection` after the record `id`, as this transaction sees them.
    /// Throws `recordNotFound` if there is no such record.
    public func records(in collection: String, afterID id: String, limit: Int = .max) throws(StoreError) -> [StoredRecord] {
        try Store.validate(limit: limit)
        let position: Int64?
        if let changes = staged[collection] {
            position = changes.lookup(id, base: base(collection))?.position
        } else {
            position = base(collection)?.position(of: id)
        }
        guard let position else { throw Store.missingCursor(collection: collection, id: id) }
        return records(in: collection, after: RecordCursor(position: position), limit: limit)
    }
}
