import Store
public import JSON

/// Opaque list cursors: `tools/list` and friends hand one out as `nextCursor`, and take it back.
public enum Pagination {
    /// The slice of `items` for `cursor`, and the cursor of the next page; throws -32602 for a
    /// cursor this server did not hand out.
    public static func page<T>(_ items: [T], cursor: JSONValue?, pageSize: Int, kind: String) throws(JSONRPCError) -> (ArraySlice<T>, String?) {
        var start = 0
        switch cursor {
        case nil, .null?: break
        case .string(let text)?:
            guard let offset = decode(text, kind: kind), offset <= items.count else {
                throw .invalidParams("unknown cursor \(JSONValue.string(text).jsonText); pass the nextCursor of the previous page, or none for the first page")
            }
            start = offset
        default:
            throw .invalidParams("cursor must be a string")
        }
        let end = min(items.count, start + max(1, pageSize))
        return (items[start..<end], end < items.count ? encode(end, kind: kind) : nil)
    }

    static func encode(_ offset: Int, kind: String) -> String { "\(kind):\(offset)" }

    static func decode(_ cursor: String, kind: String) -> Int? {
        guard cursor.hasPrefix(kind + ":"), let offset = Int(cursor.dropFirst(kind.count + 1)), offset > 0 else { return nil }
        return offset
    }
}


/// The shape every list result shares.
extension Session {
    static func listResult(_ key: String, _ items: [JSONValue], _ next: String?) -> JSONObject {
        var result: JSONObject = [key: .array(items)]
        if let next { result["nextCursor"] = .string(next) }
        return result
    }
}
