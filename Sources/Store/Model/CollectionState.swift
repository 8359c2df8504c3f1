import JSON
/// The records of one collection in memory: lookup by id, and the commit order for listing.
///
/// Lookup, insert, update and delete are O(1) (amortised); listing from a cursor costs a binary search
/// plus the slots it walks. Deleting leaves a dead slot in `order` that listing skips; once dead slots
/// outnumber live records they are swept in one pass, so the sweep is amortised over the deletes and a
/// full walk through the collection, page by page, is O(n).
struct CollectionState: Sendable {
    /// A live record: its position in commit order and its value.
    struct Entry: Sendable {
        /// Where the record stands in commit order.
        var position: Int64
        /// The record's value.
        var value: JSONValue
    }

    /// A place in commit order; live while `recordsByID[id]` has the same position.
    struct Slot: Sendable {
        /// The position given when the id was inserted.
        var position: Int64
        /// The id inserted there.
        var id: String
    }

    /// The live records by id.
    private(set) var recordsByID: [String: Entry] = [:]
    /// Insertions in commit order (ascending positions), including dead ones not yet swept.
    private(set) var order: [Slot] = []
    /// The position the next inserted id gets.
    private(set) var nextPosition: Int64 = 0

    /// An empty collection.
    init() {}

    /// A collection restored from a snapshot: `records` in ascending position order, all below `nextPosition`.
    init(restoring records: [(position: Int64, id: String, value: JSONValue)], nextPosition: Int64) {
        recordsByID.reserveCapacity(records.count)
        order.reserveCapacity(records.count)
        for record in records {
            recordsByID[record.id] = Entry(position: record.position, value: record.value)
            order.append(Slot(position: record.position, id: record.id))
        }
        self.nextPosition = nextPosition
    }

    /// How many records there are.
    var count: Int { recordsByID.count }

    /// How many dead slots wait to be swept.
    var deadSlots: Int { order.count - recordsByID.count }

    /// The value of record `id`, or nil.
    func value(for id: String) -> JSONValue? { recordsByID[id]?.value }

    /// The position of record `id`, or nil if there is no such record.
    func position(of id: String) -> Int64? { recordsByID[id]?.position }

    /// Sets record `id` to `value`; a new id goes to the end of the commit order.
    mutating func put(id: String, value: JSONValue) {
        if recordsByID[id] != nil {
            recordsByID[id]!.value = value
        } else {
            recordsByID[id] = Entry(position: nextPosition, value: value)
            order.append(Slot(position: nextPosition, id: id))
            nextPosition += 1
        }
    }

    /// Removes record `id`; returns whether there was one.
    @discardableResult
    mutating func delete(id: String) -> Bool {
        guard recordsByID.removeValue(forKey: id) != nil else { return false }
        if deadSlots > 32, deadSlots > recordsByID.count { sweep() }
        return true
    }

    /// Calls `body` with each live record whose position is greater than `position` (all records if
    /// nil), in commit order, until `body` returns false.
    func forEach(after position: Int64?, _ body: (_ position: Int64, _ id: String, _ value: JSONValue) -> Bool) {
        var index = position.map(firstSlot(after:)) ?? 0
        while index < order.count {
            let slot = order[index]
            index += 1
            guard let entry = recordsByID[slot.id], entry.position == slot.position else { continue }
            if !body(slot.position, slot.id, entry.value) { return }
        }
    }

    /// Up to `limit` records after `position` (from the start if nil), in commit order.
    func records(after position: Int64?, limit: Int) -> [StoredRecord] {
        var result: [StoredRecord] = []
        guard limit > 0 else { return result }
        result.reserveCapacity(Swift.min(limit, count))
        forEach(after: position) { position, id, value in
            result.append(StoredRecord(id: id, value: value, cursor: RecordCursor(position: position)))
            return result.count < limit
        }
        return result
    }

    /// The index of the first slot whose position is greater than `position` (binary search).
    private func firstSlot(after position: Int64) -> Int {
        var low = 0
        var high = order.count
        while low < high {
            let middle = (low + high) / 2
            if order[middle].position <= position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Drops the dead slots from `order`.
    private mutating func sweep() {
        order.removeAll { slot in recordsByID[slot.id]?.position != slot.position }
    }
}
