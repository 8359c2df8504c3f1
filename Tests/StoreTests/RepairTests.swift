import Foundation
import Testing
@testable import Store

/// `Store.repair` keeps every intact transaction and record, sets the rest aside byte for byte,
/// deletes nothing, and the store opens afterwards (issue 13, item 3).
@Suite struct RepairTests {
    /// The quarantine file `Store.repair` makes at the test clock for `file`.
    static func quarantine(_ home: String, _ file: String) -> String { home + "/\(file).quarantined-20260220T103000Z" }

    /// A store with `count` transactions, one record `k<n>` = n each; returns the journal's lines.
    func transactions(_ home: String, _ count: Int = 5, compactAfter: Int? = nil) throws -> [[UInt8]] {
        let store = try Store(home: home, options: testOptions())
        for index in 1...count {
            try store.put(collection: "c", id: "k\(index)", value: .integer(Int64(index)))
            if index == compactAfter { try store.compact() }
        }
        return try #require(fileBytes(home + "/journal.jsonl")).split(separator: UInt8(ascii: "\n")).map { Array($0) + [10] }
    }

    @Test func aDamagedTransactionKeepsTheOnesBeforeItAndSetsItAndTheRestAside() throws {
        try withTemporaryHome { home in
            let lines = try transactions(home)
            var damaged = lines
            damaged[1][5] = UInt8(ascii: "#")
            try writeFile(home + "/journal.jsonl", Array(damaged.joined()))
            #expect(storeError { _ = try Store(home: home, options: testOptions()) }?.code == .corruptData)
            let report = try Store.repair(home: home, options: testOptions())
            #expect(report.changedAnything)
            #expect(report.keptTransactions == 1)
            #expect(report.acceptedLoss == 2...5)
            #expect(report.setAside.map(\.parts.count) == [4])
            #expect(fileBytes(home + "/journal.jsonl") == lines[0])
            #expect(fileBytes(Self.quarantine(home, "journal.jsonl")) == Array(damaged[1...].joined()), "byte for byte")
            #expect(report.description.contains("line 2 (byte offset \(lines[0].count)"))
            #expect(report.description.contains("not a transaction"))
            #expect(report.description.contains("after a gap"))
            let reopened = try Store(home: home, options: testOptions())
            #expect(pairs(try reopened.records(in: "c")) == ["k1=1"])
            try reopened.put(collection: "c", id: "next", value: 2)
            #expect(try Store(home: home, options: testOptions()).sequenceNumber() == 2)
            #expect(Store.check(home: home).isHealthy)
        }
    }

    @Test func aStrayLineBetweenTransactionsIsTheOnlyThingSetAside() throws {
        try withTemporaryHome { home in
            let lines = try transactions(home)
            let stray = Array("not json at all\n".utf8)
            try writeFile(home + "/journal.jsonl", Array(lines[0..<2].joined()) + stray + Array(lines[2...].joined()))
            let report = try Store.repair(home: home, options: testOptions())
            #expect(report.keptTransactions == 5)
            #expect(report.acceptedLoss == nil)
            #expect(fileBytes(home + "/journal.jsonl") == Array(lines.joined()), "every transaction kept, byte for byte")
            #expect(fileBytes(Self.quarantine(home, "journal.jsonl")) == stray)
            #expect(try Store(home: home, options: testOptions()).count(in: "c") == 5)
        }
    }

    @Test func aJournalCutShortHasNothingToSetAsideAndTheLossIsAccepted() throws {
        try withTemporaryHome { home in
            let lines = try transactions(home, 6)
            try writeFile(home + "/journal.jsonl", Array(lines[0..<3].joined()))
            let report = try Store.repair(home: home, options: testOptions())
            #expect(report.changedAnything)
            #expect(report.setAside.isEmpty)
            #expect(report.acceptedLoss == 4...6)
            #expect(report.description.contains("not kept: 3 acknowledged transactions (4 to 6)"))
            #expect(fileBytes(home + "/journal.jsonl") == Array(lines[0..<3].joined()))
            let reopened = try Store(home: home, options: testOptions())
            #expect(try reopened.count(in: "c") == 3)
            try reopened.put(collection: "c", id: "k4", value: 40)
            #expect(try reopened.sequenceNumber() == 4)
        }
    }

    @Test func aLineCutInTheMiddleIsSetAside() throws {
        try withTemporaryHome { home in
            let lines = try transactions(home, 6)
            let half = Array(lines[3].prefix(30))
            try writeFile(home + "/journal.jsonl", Array(lines[0..<3].joined()) + half)
            let report = try Store.repair(home: home, options: testOptions())
            #expect(report.acceptedLoss == 4...6)
            #expect(fileBytes(Self.quarantine(home, "journal.jsonl")) == half)
            #expect(fileBytes(home + "/journal.jsonl") == Array(lines[0..<3].joined()))
            #expect(try Store(home: home, options: testOptions()).count(in: "c") == 3)
        }
    }

    @Test func aTruncatedSnapshotKeepsEveryIntactRecordAndTheJournalAfterIt() throws {
        try withTemporaryHome { home in
            let lines = try transactions(home, 6, compactAfter: 4)
            #expect(lines.count == 2)
            let snapshot = try #require(fileBytes(home + "/snapshot.json"))
            let cut = Array(snapshot.dropLast(20))
            try writeFile(home + "/snapshot.json", cut)
            #expect(storeError { _ = try Store(home: home, options: testOptions()) }?.code == .corruptData)
            let report = try Store.repair(home: home, options: testOptions())
            // The cut took the last record (k4) and half of k3's line, which is set aside.
            #expect(report.keptSnapshotRecords == 2)
            #expect(report.keptTransactions == 2)
            let setAside = try #require(report.setAside.first)
            #expect(setAside.file == "snapshot.json")
            #expect(fileBytes(Self.quarantine(home, "snapshot.json")) == Array(#"[2,"k3",3"#.utf8), "byte for byte")
            let reopened = try Store(home: home, options: testOptions())
            #expect(pairs(try reopened.records(in: "c")) == ["k1=1", "k2=2", "k5=5", "k6=6"])
            #expect(try reopened.sequenceNumber() == 6)
        }
    }

    @Test func aDamagedRecordInTheSnapshotIsSetAsideAlone() throws {
        try withTemporaryHome { home in
            _ = try transactions(home, 4, compactAfter: 4)
            let text = String(decoding: try #require(fileBytes(home + "/snapshot.json")), as: UTF8.self)
            let damaged = text.replacingOccurrences(of: #"[1,"k2",2],"#, with: #"[1,"k2",2#,"#)
            try writeFile(home + "/snapshot.json", Array(damaged.utf8))
            let report = try Store.repair(home: home, options: testOptions())
            #expect(report.keptSnapshotRecords == 3)
            #expect(fileBytes(Self.quarantine(home, "snapshot.json")) == Array("[1,\"k2\",2#,\n".utf8))
            #expect(pairs(try Store(home: home, options: testOptions()).records(in: "c")) == ["k1=1", "k3=3", "k4=4"])
        }
    }

    @Test func aFileFromANewerReleaseIsRefusedAndLeftAlone() throws {
        try withTemporaryHome { home in
            _ = try transactions(home, 2)
            try appendToFile(home + "/journal.jsonl", Array(#"{"v":3,"seq":3,"new":"thing"}"#.utf8) + [10])
            var before = try snapshotOfFiles(home)
            before["store.lock"] = nil
            let error = storeError { _ = try Store.repair(home: home, options: testOptions()) }
            #expect(error?.code == .unsupportedVersion)
            var after = try snapshotOfFiles(home)
            after["store.lock"] = nil
            #expect(after == before)
        }
    }

    @Test func aHealthyStoreNeedsNoRepair() throws {
        try withTemporaryHome { home in
            _ = try transactions(home, 3)
            var before = try snapshotOfFiles(home)
            before["store.lock"] = nil
            let report = try Store.repair(home: home, options: testOptions())
            #expect(!report.changedAnything)
            #expect(report.description.contains("needs no repair"))
            #expect(report.recordCounts == ["c": 3])
            var after = try snapshotOfFiles(home)
            after["store.lock"] = nil
            #expect(after == before)
        }
    }

    @Test func anotherInstanceSeesTheRepairedFiles() throws {
        try withTemporaryHome { home in
            let lines = try transactions(home, 3)
            let running = try Store(home: home, options: testOptions())
            #expect(try running.count(in: "c") == 3)
            try appendToFile(home + "/journal.jsonl", Array("garbage\n".utf8))
            #expect(storeError { _ = try Store(home: home, options: testOptions()) }?.code == .corruptData)
            _ = try Store.repair(home: home, options: testOptions())
            #expect(fileBytes(home + "/journal.jsonl") == Array(lines.joined()))
            #expect(try running.count(in: "c") == 3)
            try running.put(collection: "c", id: "k4", value: 4)
            #expect(try Store(home: home, options: testOptions()).count(in: "c") == 4)
        }
    }
}
