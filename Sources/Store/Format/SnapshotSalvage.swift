import JSON

/// What a repair keeps of a damaged snapshot (pure): every record on an intact line.
///
/// The snapshot codec writes one record per line (see `SnapshotCodec`), so damage spoils whole
/// lines: a line that still parses as a record of the collection above it is kept; any other
/// line (a damaged record, a damaged collection header and the records under it, stray text) is
/// set aside, byte for byte. The closing lines carry nothing and are written anew.
struct SnapshotSalvage {
    /// The sequence number from the first line, or nil if that line is damaged.
    var seq: Int64?
    /// The intact records by collection.
    var collections: [String: CollectionState] = [:]
    /// How many records were kept.
    var keptRecords = 0
    /// The set-aside bytes, in order: the quarantine file.
    var setAside: [UInt8] = []
    /// What was set aside, line by line.
    var parts: [SetAsidePart] = []

    /// The collection whose records are being read.
    private struct Open {
        var name: String
        var next: Int64
        var records: [(position: Int64, id: String, value: JSONValue)] = []
        var ids: Set<String> = []
    }

    /// Reads what can be kept of the snapshot `bytes`.
    init(_ bytes: [UInt8]) {
        var open: Open?
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline.map { $0 + 1 } ?? bytes.count
            var content = bytes[start..<(newline ?? bytes.count)]
            let problem: String?
            if lineNumber == 1 {
                problem = readHeader(content)
            } else if content == Array("]}".utf8)[...] || content == Array("]},".utf8)[...] {
                finish(&open)
                problem = nil
            } else if content == Array("}}".utf8)[...] {
                problem = nil
            } else if content.first == UInt8(ascii: "[") {
                if content.last == UInt8(ascii: ",") { content = content.dropLast() }
                problem = readRecord(content, into: &open)
            } else {
                finish(&open)
                problem = readCollectionHeader(content, into: &open)
            }
            if let problem {
                setAside += bytes[start..<end]
                parts.append(SetAsidePart(lineNumber: lineNumber, offset: start, length: end - start, reason: problem))
            }
            start = end
        }
        finish(&open)
    }

    /// Reads the first line, `{"format":…,"version":…,"seq":…,"collections":{`.
    private mutating func readHeader(_ content: ArraySlice<UInt8>) -> String? {
        guard let object = try? JSONValue.parse(content + Array("}}".utf8)).objectValue,
              object["format"]?.stringValue == StoreFormat.name,
              let version = object["version"]?.integerValue, version == StoreFormat.version,
              let seq = object["seq"]?.integerValue, seq >= 0
        else { return "not the snapshot's first line (format, version and sequence number)" }
        self.seq = seq
        return nil
    }

    /// Reads a collection's first line, `"name":{"next":N,"records":[`.
    private func readCollectionHeader(_ content: ArraySlice<UInt8>, into open: inout Open?) -> String? {
        var text = content
        if text.first == UInt8(ascii: ",") { text = text.dropFirst() }
        guard let object = try? JSONValue.parse(Array("{".utf8) + text + Array("]}}".utf8)).objectValue, object.count == 1,
              let member = object.members.first, Names.problem(collection: member.key) == nil,
              collections[member.key] == nil, let next = member.value["next"]?.integerValue, next >= 0
        else { return "not a record, nor the first line of a collection" }
        open = Open(name: member.key, next: next)
        return nil
    }

    /// Reads a record line, `[position,"id",value]`.
    private func readRecord(_ content: ArraySlice<UInt8>, into open: inout Open?) -> String? {
        guard var collection = open else { return "a record outside any intact collection" }
        guard let triple = try? JSONValue.parse(content).arrayValue, triple.count == 3,
              let position = triple[0].integerValue, let id = triple[1].stringValue, Names.problem(id: id) == nil
        else { return "a damaged record of collection \"\(collection.name)\"" }
        let previous = collection.records.last?.position ?? -1
        guard collection.next > position, position > previous, !collection.ids.contains(id) else {
            return "record \"\(id)\" of collection \"\(collection.name)\" is out of order or repeated"
        }
        collection.records.append((position, id, triple[2]))
        collection.ids.insert(id)
        open = collection
        return nil
    }

    /// Files the collection being read.
    private mutating func finish(_ open: inout Open?) {
        guard let collection = open else { return }
        collections[collection.name] = CollectionState(restoring: collection.records, nextPosition: collection.next)
        keptRecords += collection.records.count
        open = nil
    }
}
