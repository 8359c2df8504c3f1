import JSON
/// What a snapshot file holds.
struct SnapshotContents: Sendable {
    /// The format version the file declares.
    var version: Int64
    /// The records, as of `state.seq`.
    var state: StoreState
}

/// Encodes and decodes the snapshot file (pure functions).
///
/// One JSON object, with one record per line so that the file is easy to read and compare:
/// ```
/// {"format":"tak-store","version":1,"seq":42,"collections":{
/// "deals":{"next":3,"records":[
/// [0,"d1",{"price":5}],
/// [2,"d3",{"price":7}]
/// ]}
/// }}
/// ```
/// Each record is `[position, id, value]`, in commit order; `next` is the position the next new id gets.
enum SnapshotCodec {
    /// The file's bytes for `state`; collections in name order.
    static func encode(_ state: StoreState) -> [UInt8] {
        var out = JSONWriter(capacity: 4096)
        out.append(#"{"format":"#)
        JSONValue.writeString(StoreFormat.name, to: &out)
        out.append(#","version":"#)
        JSONValue.writeInteger(StoreFormat.version, to: &out)
        out.append(#","seq":"#)
        JSONValue.writeInteger(state.seq, to: &out)
        out.append(#","collections":{"#)
        var firstCollection = true
        for name in state.collections.keys.sorted() {
            let collection = state.collections[name]!
            out.append(firstCollection ? "\n" : ",\n")
            firstCollection = false
            JSONValue.writeString(name, to: &out)
            out.append(#":{"next":"#)
            JSONValue.writeInteger(collection.nextPosition, to: &out)
            out.append(#","records":["#)
            var firstRecord = true
            collection.forEach(after: nil) { position, id, value in
                out.append(firstRecord ? "\n[" : ",\n[")
                firstRecord = false
                JSONValue.writeInteger(position, to: &out)
                out.append(UInt8(ascii: ","))
                JSONValue.writeString(id, to: &out)
                out.append(UInt8(ascii: ","))
                value.write(to: &out)
                out.append(UInt8(ascii: "]"))
                return true
            }
            out.append("\n]}")
        }
        out.append("\n}}\n")
        return out.takeArray()
    }

    /// The contents of the snapshot at `path`; throws `corruptData` or `unsupportedVersion` naming the file.
    static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> SnapshotContents {
        let root: JSONValue
        do throws(JSONParseError) {
            root = try JSONValue.parse(bytes)
        } catch {
            throw damaged(path, "it is not valid JSON (\(error.reason) at byte offset \(error.offset))")
        }
        guard let object = root.objectValue else { throw damaged(path, "it is not a JSON object") }
        guard object["format"]?.stringValue == StoreFormat.name else {
            throw damaged(path, "it is not a TakMCP store snapshot (its \"format\" is not \"\(StoreFormat.name)\")")
        }
        guard let version = object["version"]?.integerValue else { throw damaged(path, "it has no integer \"version\"") }
        if version > StoreFormat.version {
            throw StoreError(.unsupportedVersion, Remedy.newerVersion(path, version: version), path: path)
        }
        guard version >= 1 else { throw damaged(path, "its version \(version) is not valid") }
        guard let seq = object["seq"]?.integerValue, seq >= 0 else {
            throw damaged(path, "it has no non-negative integer \"seq\"")
        }
        guard let collectionsObject = object["collections"]?.objectValue else {
            throw damaged(path, "it has no \"collections\" object")
        }
        var collections: [String: CollectionState] = [:]
        for (name, body) in collectionsObject {
            collections[name] = try decodeCollection(name: name, body, path: path)
        }
        return SnapshotContents(version: version, state: StoreState(seq: seq, collections: collections))
    }

    /// One member of `collections`.
    private static func decodeCollection(name: String, _ body: JSONValue, path: String) throws(StoreError) -> CollectionState {
        if let problem = Names.problem(collection: name) { throw damaged(path, problem) }
        guard let next = body["next"]?.integerValue, next >= 0, let items = body["records"]?.arrayValue else {
            throw damaged(path, "collection \"\(name)\" lacks an integer \"next\" or a \"records\" list")
        }
        var records: [(position: Int64, id: String, value: JSONValue)] = []
        records.reserveCapacity(items.count)
        var seen = Set<String>(minimumCapacity: items.count)
        var previous: Int64 = -1
        for (index, item) in items.enumerated() {
            guard let triple = item.arrayValue, triple.count == 3, let position = triple[0].integerValue,
                  let id = triple[1].stringValue, Names.problem(id: id) == nil
            else {
                throw damaged(path, "record \(index + 1) of collection \"\(name)\" is not [position, id, value]")
            }
            guard position > previous, position < next else {
                throw damaged(path, "record \(index + 1) (\"\(id)\") of collection \"\(name)\" is out of order")
            }
            guard seen.insert(id).inserted else {
                throw damaged(path, "record id \"\(id)\" appears twice in collection \"\(name)\"")
            }
            previous = position
            records.append((position, id, triple[2]))
        }
        return CollectionState(restoring: records, nextPosition: next)
    }

    /// The error for a snapshot that cannot be read.
    private static func damaged(_ path: String, _ reason: String) -> StoreError {
        StoreError(.corruptData, "\(path) is damaged: \(reason). " + Remedy.damagedFile(path), path: path)
    }
}
