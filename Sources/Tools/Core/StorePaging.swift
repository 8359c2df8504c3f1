import Store

/// Paging and completion over a store collection, shared by every list tool and completion.
extension Store {
    /// Up to `limit` items that `keep` makes of the records of `collection` after `cursor` (nil
    /// skips a record; throwing stops the scan), in commit order, and the cursor of the next page:
    /// the last item's, when at least one more record is kept after it; nil on the last page.
    /// A cursor this store did not hand out throws `badCursor(cursor)`.
    func page<Item>(of collection: String, after cursor: String?, limit: Int, badCursor: (String) -> any Error,
                    keep: (StoredRecord) throws -> Item?) throws -> (items: [Item], next: String?) {
        var position: RecordCursor?
        if let cursor {
            guard let parsed = RecordCursor(cursor) else { throw badCursor(cursor) }
            position = parsed
        }
        var items: [Item] = []
        var last: RecordCursor?
        while true {
            let batch = try records(in: collection, after: position, limit: 256)
            if batch.isEmpty { return (items, nil) }
            for record in batch {
                position = record.cursor
                guard let item = try keep(record) else { continue }
                if items.count == limit { return (items, last?.description) }
                items.append(item)
                last = record.cursor
            }
        }
    }

    /// The ids of `collection` that start with `prefix`, at most `limit`, in commit order, for
    /// completion.
    func ids(in collection: String, prefix: String, limit: Int = 100) throws -> [String] {
        var found: [String] = []
        var position: RecordCursor?
        while found.count < limit {
            let batch = try records(in: collection, after: position, limit: 1024)
            if batch.isEmpty { break }
            for record in batch where record.id.hasPrefix(prefix) && found.count < limit { found.append(record.id) }
            position = batch.last?.cursor
        }
        return found
    }
}
