import Testing
@testable import Store

@Suite struct JournalCodecTests {
    @Test func encodesOneLineAndDecodesItBack() throws {
        let entry = JournalEntry(seq: 12, operations: [
            .put(collection: "deals", id: "d\n1", value: ["price": 5, "note": "a \"quote\"", "big": 9_223_372_036_854_775_807]),
            .delete(collection: "deals", id: "d0"),
        ])
        let line = JournalCodec.encode(entry)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false, "exactly one newline, at the end")
        #expect(String(decoding: line, as: UTF8.self).hasPrefix(#"{"v":1,"seq":12,"ops":[{"op":"put","collection":"deals","id":"d\n1""#))
        #expect(try JournalCodec.decode(line.dropLast()) == entry)
    }

    @Test(arguments: [
        (#"{"v":1,"seq":1,"ops":[{"op":"put","collection":"c","id":"x"#, "not valid JSON"),
        (#"[1]"#, "not a JSON object"),
        (#"{"seq":1,"ops":[]}"#, "no integer format version"),
        (#"{"v":0,"seq":1,"ops":[]}"#, "format version 0 is not valid"),
        (#"{"v":1,"ops":[]}"#, "sequence number"),
        (#"{"v":1,"seq":1,"ops":[]}"#, "no list of changes"),
        (#"{"v":1,"seq":1,"ops":[{"op":"put","collection":"c","id":"x"}]}"#, "without a \"value\""),
        (#"{"v":1,"seq":1,"ops":[{"op":"move","collection":"c","id":"x"}]}"#, "unknown op"),
        (#"{"v":1,"seq":1,"ops":[{"op":"delete","collection":"a b","id":"x"}]}"#, "no valid \"collection\""),
        (#"{"v":1,"seq":1,"ops":[{"op":"delete","collection":"c","id":""}]}"#, "no valid \"id\""),
    ])
    func refusesDamagedLines(line: String, words: String) {
        #expect {
            _ = try JournalCodec.decode(Array(line.utf8))
        } throws: { error in
            let lineError = error as? JournalLineError
            return lineError?.reason.contains(words) == true && lineError?.newerVersion == nil
        }
    }

    @Test func reportsANewerVersion() {
        #expect(throws: JournalLineError(reason: "it uses format version 2", newerVersion: 2)) {
            _ = try JournalCodec.decode(Array(#"{"v":2,"anything":"else"}"#.utf8))
        }
    }
}

@Suite struct JournalScannerTests {
    /// The line for a one-put transaction.
    func line(_ seq: Int64) -> [UInt8] {
        JournalCodec.encode(JournalEntry(seq: seq, operations: [.put(collection: "c", id: "k\(seq)", value: .integer(seq))]))
    }

    @Test func splitsWholeLinesAndKeepsTheTailApart() throws {
        let bytes = line(1) + [10] + line(2) + Array(line(3).prefix(9))
        let scan = try JournalScanner.scan(bytes, from: JournalProgress(offset: 100, lines: 4, lastLineSeq: 0), path: "j")
        #expect(scan.lines.map(\.entry.seq) == [1, 2])
        #expect(scan.lines.map(\.lineNumber) == [5, 7], "the blank line counts")
        #expect(scan.lines.map(\.offset) == [100, 100 + line(1).count + 1])
        #expect(scan.consumedLines == 3)
        #expect(scan.consumedBytes == bytes.count - 9)
        #expect(scan.tailLength == 9)
    }

    @Test func namesTheDamagedLineAndOffset() {
        let bytes = line(1) + Array("{oops}\n".utf8) + line(3)
        let error = storeError { _ = try JournalScanner.scan(bytes, from: JournalProgress(), path: "/h/journal.jsonl") }
        #expect(error?.code == .corruptData)
        #expect(error?.message.contains("/h/journal.jsonl line 2 (byte offset \(line(1).count))") == true)
    }

    @Test func appliesOnlyWhatFollowsTheSnapshot() throws {
        let lines = try JournalScanner.scan((3...6).flatMap(line), from: JournalProgress(), path: "j").lines
        let entries = try JournalScanner.entriesToApply(lines, after: JournalProgress(), stateSeq: 4, path: "j")
        #expect(entries.map(\.seq) == [5, 6], "lines already in the snapshot are skipped")
        #expect(try JournalScanner.entriesToApply(lines, after: JournalProgress(), stateSeq: 2, path: "j").map(\.seq) == [3, 4, 5, 6])
        #expect(try JournalScanner.entriesToApply(lines, after: JournalProgress(), stateSeq: 9, path: "j").isEmpty)
    }

    @Test func refusesGapsAndDisorder() throws {
        let gap = try JournalScanner.scan(line(5) + line(7), from: JournalProgress(), path: "j").lines
        #expect(storeError { _ = try JournalScanner.entriesToApply(gap, after: JournalProgress(), stateSeq: 4, path: "j") }?
            .message.contains("sequence number 7 after 5") == true)
        let late = try JournalScanner.scan(line(9), from: JournalProgress(), path: "j").lines
        #expect(storeError { _ = try JournalScanner.entriesToApply(late, after: JournalProgress(), stateSeq: 4, path: "j") }?
            .message.contains("transactions 5 to 8 are missing") == true)
        let next = try JournalScanner.scan(line(4), from: JournalProgress(), path: "j").lines
        #expect(storeError {
            _ = try JournalScanner.entriesToApply(next, after: JournalProgress(offset: 9, lines: 1, lastLineSeq: 4), stateSeq: 4, path: "j")
        }?.code == .corruptData, "a repeated sequence number is damage")
    }

    @Test func dropsATornTailOnlyUnderTheExclusiveLock() {
        #expect(JournalScanner.tailDecision(tailLength: 0, at: 10, holdsExclusiveLock: true) == .none)
        #expect(JournalScanner.tailDecision(tailLength: 5, at: 10, holdsExclusiveLock: false) == .leave)
        #expect(JournalScanner.tailDecision(tailLength: 5, at: 10, holdsExclusiveLock: true) == .dropTorn(offset: 10, length: 5))
    }
}

@Suite struct SnapshotCodecTests {
    @Test func roundTripsRecordsPositionsAndOrder() throws {
        var state = StoreState()
        state.apply(JournalEntry(seq: 1, operations: [
            .put(collection: "b", id: "x", value: 1), .put(collection: "b", id: "y", value: [1, 2]),
            .put(collection: "a", id: "z", value: nil), .put(collection: "b", id: "w", value: "w"),
        ]))
        state.apply(JournalEntry(seq: 2, operations: [.delete(collection: "b", id: "x"), .delete(collection: "a", id: "z")]))
        let bytes = SnapshotCodec.encode(state)
        let decoded = try SnapshotCodec.decode(bytes, path: "s")
        #expect(decoded.version == 1)
        #expect(decoded.state.seq == 2)
        #expect(decoded.state.recordCounts == ["a": 0, "b": 2])
        let records = decoded.state.collections["b"]!.records(after: nil, limit: 10)
        #expect(records.map(\.id) == ["y", "w"])
        #expect(records.map(\.cursor.position) == [1, 2])
        #expect(decoded.state.collections["b"]!.nextPosition == 3)
        #expect(SnapshotCodec.encode(decoded.state) == bytes, "encoding is deterministic")
    }

    @Test(arguments: [
        ("{", "not valid JSON"),
        (#"{"format":"other","version":1,"seq":0,"collections":{}}"#, "not a TakMCP store snapshot"),
        (#"{"format":"tak-store","seq":0,"collections":{}}"#, "no integer \"version\""),
        (#"{"format":"tak-store","version":1,"seq":-1,"collections":{}}"#, "\"seq\""),
        (#"{"format":"tak-store","version":1,"seq":0}"#, "no \"collections\""),
        (#"{"format":"tak-store","version":1,"seq":0,"collections":{"c":{"next":2,"records":[[1,"a",1],[0,"b",2]]}}}"#, "out of order"),
        (#"{"format":"tak-store","version":1,"seq":0,"collections":{"c":{"next":2,"records":[[0,"a",1],[1,"a",2]]}}}"#, "appears twice"),
        (#"{"format":"tak-store","version":1,"seq":0,"collections":{"c":{"next":1,"records":[[0,"a"]]}}}"#, "[position, id, value]"),
        (#"{"format":"tak-store","version":1,"seq":0,"collections":{"c d":{"next":0,"records":[]}}}"#, "may only contain"),
    ])
    func refusesDamagedSnapshots(text: String, words: String) {
        let error = storeError { _ = try SnapshotCodec.decode(Array(text.utf8), path: "/h/snapshot.json") }
        #expect(error?.code == .corruptData)
        #expect(error?.message.contains(words) == true, "\(String(describing: error))")
        #expect(error?.message.contains("/h/snapshot.json") == true)
    }

    @Test func refusesANewerVersion() {
        let text = #"{"format":"tak-store","version":7,"seq":0,"collections":{}}"#
        let error = storeError { _ = try SnapshotCodec.decode(Array(text.utf8), path: "/h/snapshot.json") }
        #expect(error?.code == .unsupportedVersion)
        #expect(error?.message.contains("version 7") == true)
    }
}

@Suite struct CollectionStateTests {
    @Test func keepsCommitOrderAndSweepsDeadSlots() {
        var collection = CollectionState()
        for index in 0..<100 { collection.put(id: "k\(index)", value: .integer(Int64(index))) }
        for index in 0..<80 { collection.delete(id: "k\(index)") }
        #expect(collection.count == 20)
        #expect(collection.deadSlots < 40, "dead slots are swept once they outnumber live records")
        collection.put(id: "k5", value: "again")
        collection.put(id: "k90", value: "updated in place")
        let records = collection.records(after: nil, limit: .max)
        #expect(records.map(\.id) == (80..<100).map { "k\($0)" } + ["k5"])
        #expect(records.last?.cursor.position == 100)
        #expect(collection.records(after: 95, limit: 2).map(\.id) == ["k96", "k97"])
        #expect(collection.records(after: 5, limit: 1).map(\.id) == ["k80"], "a cursor of a deleted record still works")
        #expect(collection.value(for: "k90") == "updated in place")
    }

    @Test func stagedChangesListLikeTheCommittedResult() {
        var base = CollectionState()
        for id in ["a", "b", "c"] { base.put(id: id, value: .string(id)) }
        var staged = StagedCollection(base: base)
        staged.put("b", "B", base: base)
        let deletedA = staged.delete("a", base: base)
        let deletedMissing = staged.delete("zz", base: base)
        #expect(deletedA && !deletedMissing)
        staged.put("a", "A", base: base)
        staged.put("d", "d", base: base)
        #expect(staged.countDelta == 1)
        var applied = base
        applied.put(id: "b", value: "B")
        applied.delete(id: "a")
        applied.put(id: "a", value: "A")
        applied.put(id: "d", value: "d")
        #expect(staged.records(after: nil, limit: .max, base: base) == applied.records(after: nil, limit: .max))
        #expect(staged.records(after: 2, limit: 1, base: base) == applied.records(after: 2, limit: 1))
    }
}
