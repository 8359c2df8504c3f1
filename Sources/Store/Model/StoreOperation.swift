import JSON
/// One change inside a transaction, as written to the journal.
enum StoreOperation: Equatable, Sendable {
    /// Sets the record `id` of `collection` to `value`, inserting it if it is new.
    case put(collection: String, id: String, value: JSONValue)
    /// Removes the record `id` of `collection`.
    case delete(collection: String, id: String)
}

/// One committed transaction: its sequence number and its changes, in order. One journal line.
struct JournalEntry: Equatable, Sendable {
    /// The sequence number: one more than the transaction before it.
    var seq: Int64
    /// The changes, applied in order.
    var operations: [StoreOperation]
}
