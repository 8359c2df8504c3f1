import JSON
/// Why one journal line cannot be read.
struct JournalLineError: Error, Equatable {
    /// What is wrong with the line, in words.
    var reason: String
    /// The format version named by the line, when it is newer than this build reads.
    var newerVersion: Int64?
}

/// Encodes and decodes journal lines (pure functions).
///
/// A line is one JSON object and a newline:
/// `{"v":1,"seq":7,"ops":[{"op":"put","collection":"deals","id":"d1","value":{...}},{"op":"delete","collection":"deals","id":"d0"}]}`.
enum JournalCodec {
    /// The line for `entry`, newline included.
    static func encode(_ entry: JournalEntry) -> [UInt8] {
        var out = JSONWriter(capacity: 256)
        out.append(#"{"v":"#)
        JSONValue.writeInteger(StoreFormat.version, to: &out)
        out.append(#","seq":"#)
        JSONValue.writeInteger(entry.seq, to: &out)
        out.append(#","ops":["#)
        var first = true
        for operation in entry.operations {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            switch operation {
            case .put(let collection, let id, let value):
                out.append(#"{"op":"put","collection":"#)
                JSONValue.writeString(collection, to: &out)
                out.append(#","id":"#)
                JSONValue.writeString(id, to: &out)
                out.append(#","value":"#)
                value.write(to: &out)
            case .delete(let collection, let id):
                out.append(#"{"op":"delete","collection":"#)
                JSONValue.writeString(collection, to: &out)
                out.append(#","id":"#)
                JSONValue.writeString(id, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append("]}\n")
        return out.takeArray()
    }

    /// The entry in one line (without its newline).
    static func decode(_ line: some Collection<UInt8>) throws(JournalLineError) -> JournalEntry {
        let value: JSONValue
        do throws(JSONParseError) {
            value = try JSONValue.parse(line)
        } catch {
            throw JournalLineError(reason: "it is not valid JSON (\(error.reason) at byte \(error.offset) of the line)")
        }
        guard let object = value.objectValue else { throw JournalLineError(reason: "it is not a JSON object") }
        guard let version = object["v"]?.integerValue else {
            throw JournalLineError(reason: "it has no integer format version \"v\"")
        }
        if version > StoreFormat.version {
            throw JournalLineError(reason: "it uses format version \(version)", newerVersion: version)
        }
        guard version == StoreFormat.version else { throw JournalLineError(reason: "its format version \(version) is not valid") }
        guard let seq = object["seq"]?.integerValue, seq >= 1 else {
            throw JournalLineError(reason: "it has no positive integer sequence number \"seq\"")
        }
        guard let items = object["ops"]?.arrayValue, !items.isEmpty else {
            throw JournalLineError(reason: "it has no list of changes \"ops\"")
        }
        var operations: [StoreOperation] = []
        operations.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            operations.append(try decodeOperation(item, index: index))
        }
        return JournalEntry(seq: seq, operations: operations)
    }

    /// One member of `ops`.
    private static func decodeOperation(_ item: JSONValue, index: Int) throws(JournalLineError) -> StoreOperation {
        let which = "change \(index + 1)"
        guard let object = item.objectValue, let kind = object["op"]?.stringValue else {
            throw JournalLineError(reason: "\(which) is not an object with an \"op\"")
        }
        guard let collection = object["collection"]?.stringValue, Names.problem(collection: collection) == nil else {
            throw JournalLineError(reason: "\(which) has no valid \"collection\"")
        }
        guard let id = object["id"]?.stringValue, Names.problem(id: id) == nil else {
            throw JournalLineError(reason: "\(which) has no valid \"id\"")
        }
        switch kind {
        case "put":
            guard let value = object["value"] else { throw JournalLineError(reason: "\(which) is a put without a \"value\"") }
            return .put(collection: collection, id: id, value: value)
        case "delete":
            return .delete(collection: collection, id: id)
        default:
            throw JournalLineError(reason: "\(which) has the unknown op \"\(kind)\"")
        }
    }
}
