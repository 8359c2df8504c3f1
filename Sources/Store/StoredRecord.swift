public import JSON
/// One record as listed: its id, its value and where it stands in its collection's commit order.
public struct StoredRecord: Sendable, Equatable {
    /// The record's id, unique within its collection.
    public var id: String
    /// The record's value.
    public var value: JSONValue
    /// Pass this to `records(in:after:limit:)` to list the records that follow this one.
    public var cursor: RecordCursor

    /// Makes a record.
    public init(id: String, value: JSONValue, cursor: RecordCursor) {
        self.id = id
        self.value = value
        self.cursor = cursor
    }
}

/// A place in a collection's commit order, for pagination that survives concurrent changes.
///
/// Each record gets the next position of its collection when its id is first inserted (again after a
/// delete); positions are stored in the files, identical in every process and never reused, so a
/// cursor stays valid even when its record is deleted, and records inserted later always come after it.
/// `description` and `init?(_:)` turn a cursor into a decimal string and back, for opaque API cursors.
public struct RecordCursor: Hashable, Comparable, Sendable, LosslessStringConvertible {
    /// The position: records with a greater position come after this cursor.
    public var position: Int64

    /// A cursor at `position`.
    public init(position: Int64) { self.position = position }

    /// Parses the decimal form made by `description`; nil for anything else.
    public init?(_ description: String) {
        guard let position = Int64(description), position >= 0 else { return nil }
        self.position = position
    }

    /// The decimal form of the position.
    public var description: String { String(position) }

    /// Orders cursors by position.
    public static func < (lhs: RecordCursor, rhs: RecordCursor) -> Bool { lhs.position < rhs.position }
}
