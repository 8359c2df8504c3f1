/// Everything a store holds, in memory: the last applied sequence number and the collections.
///
/// A pure value: both replay from disk and a live commit change it only through `apply(_:)`, so every
/// process that applies the same journal holds the same records in the same order.
struct StoreState: Sendable {
    /// The sequence number of the last transaction applied (0 for an empty store).
    var seq: Int64 = 0
    /// The collections by name; a collection exists once a record was put into it.
    var collections: [String: CollectionState] = [:]

    /// An empty state.
    init() {}

    /// A state with these contents.
    init(seq: Int64, collections: [String: CollectionState]) {
        self.seq = seq
        self.collections = collections
    }

    /// Applies a committed transaction; its `seq` must be the next one.
    mutating func apply(_ entry: JournalEntry) {
        precondition(entry.seq == seq + 1, "journal entry \(entry.seq) applied after \(seq)")
        for operation in entry.operations {
            switch operation {
            case .put(let collection, let id, let value):
                collections[collection, default: CollectionState()].put(id: id, value: value)
            case .delete(let collection, let id):
                collections[collection]?.delete(id: id)
            }
        }
        seq = entry.seq
    }

    /// The number of records in each collection, by name.
    var recordCounts: [String: Int] { collections.mapValues(\.count) }
}
