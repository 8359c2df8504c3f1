import JSON
/// The changes a transaction made to one collection, laid over the committed records (pure).
///
/// Reads see the transaction's own changes; positions are handed out exactly as `CollectionState`
/// will hand them out when the transaction is applied, so listing inside a transaction shows the same
/// order as listing after the commit.
struct StagedCollection {
    /// What the transaction did to one id.
    enum Change {
        /// The id now has this value at this position.
        case present(position: Int64, value: JSONValue)
        /// The id was deleted.
        case absent
    }

    /// The changed ids.
    private(set) var changes: [String: Change] = [:]
    /// Ids inserted by this transaction, in insertion order (some may have been deleted again).
    private(set) var inserted: [(position: Int64, id: String)] = []
    /// The position the next inserted id gets.
    private(set) var nextPosition: Int64
    /// How many records the transaction added, minus how many it removed.
    private(set) var countDelta = 0

    /// No changes yet over `base`.
    init(base: CollectionState?) { nextPosition = base?.nextPosition ?? 0 }

    /// The position and value of `id` as the transaction sees it.
    func lookup(_ id: String, base: CollectionState?) -> (position: Int64, value: JSONValue)? {
        if let change = changes[id] {
            if case .present(let position, let value) = change { return (position, value) }
            return nil
        }
        guard let entry = base?.recordsByID[id] else { return nil }
        return (entry.position, entry.value)
    }

    /// Records a put of `value` under `id`.
    mutating func put(_ id: String, _ value: JSONValue, base: CollectionState?) {
        if let current = lookup(id, base: base) {
            changes[id] = .present(position: current.position, value: value)
        } else {
            changes[id] = .present(position: nextPosition, value: value)
            inserted.append((nextPosition, id))
            nextPosition += 1
            countDelta += 1
        }
    }

    /// Records a delete of `id`; returns whether there was such a record.
    mutating func delete(_ id: String, base: CollectionState?) -> Bool {
        guard lookup(id, base: base) != nil else { return false }
        changes[id] = .absent
        countDelta -= 1
        return true
    }

    /// Up to `limit` records after `position` as the transaction sees them, in commit order.
    func records(after position: Int64?, limit: Int, base: CollectionState?) -> [StoredRecord] {
        var result: [StoredRecord] = []
        guard limit > 0 else { return result }
        base?.forEach(after: position) { slotPosition, id, value in
            if let change = changes[id] {
                if case .present(let changedPosition, let changedValue) = change, changedPosition == slotPosition {
                    result.append(StoredRecord(id: id, value: changedValue, cursor: RecordCursor(position: slotPosition)))
                }
            } else {
                result.append(StoredRecord(id: id, value: value, cursor: RecordCursor(position: slotPosition)))
            }
            return result.count < limit
        }
        for (insertedPosition, id) in inserted where result.count < limit && insertedPosition > (position ?? -1) {
            if case .present(let changedPosition, let value)? = changes[id], changedPosition == insertedPosition {
                result.append(StoredRecord(id: id, value: value, cursor: RecordCursor(position: insertedPosition)))
            }
        }
        return result
    }
}
