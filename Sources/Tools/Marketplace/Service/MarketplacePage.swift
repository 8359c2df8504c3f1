import Store
import JSON

/// One page of a list: the records' JSON and the cursor of the next page (nil on the last).
struct MarketplacePage: Sendable, Equatable {
    /// The records on this page.
    var items: [JSONObject]
    /// Pass as `cursor` for the next page; nil when this is the last.
    var nextCursor: String?

    /// The `invalid_request` for a cursor this list did not hand out.
    static func badCursor(_ cursor: String) -> ToolFailure {
        .invalidRequest("unknown cursor \(cursor); pass the next_cursor of the previous page, or leave it out for the first page", field: "cursor")
    }

    /// The tool result: `{<key>: [...], next_cursor?}`.
    func result(_ key: String) -> JSONObject {
        var result: JSONObject = [key: .array(items.map(JSONValue.object))]
        if let nextCursor { result["next_cursor"] = .string(nextCursor) }
        return result
    }

    /// Up to `limit` records of `collection` after `cursor` that `keep` accepts (it returns their
    /// JSON, or nil to skip), scanning in commit order. Damaged records are an `internal_error`.
    static func scan(_ store: Store, collection: String, entity: String, cursor: String?, limit: Int,
                     keep: (JSONValue) -> JSONObject??) throws -> MarketplacePage {
        let (items, next) = try store.page(of: collection, after: cursor, limit: limit, badCursor: badCursor) { record in
            guard let decision = keep(record.value) else { throw ToolFailure.damaged(entity, id: record.id) }
            return decision
        }
        return MarketplacePage(items: items, nextCursor: next)
    }
}
