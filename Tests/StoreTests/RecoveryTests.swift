import Foundation
import Testing
@testable import Store

@Suite struct RecoveryTests {
    @Test func tornLastLineIsSetAsideWithAWarningAndTheNextAppendIsClean() throws {
        try withTemporaryHome { home in
            do {
                let store = try Store(home: home, options: testOptions(synced: true))
                try store.put(collection: "c", id: "a", value: 1)
                try store.put(collection: "c", id: "b", value: 2)
            }
            let journal = home + "/journal.jsonl"
            let intact = try #require(fileBytes(journal))
            let torn = Array(#"{"v":1,"seq":3,"ops":[{"op":"put","coll"#.utf8)
            try appendToFile(journal, torn)
            let log = LogCapture()
            let store = try Store(home: home, options: testOptions(log: log, clock: 1_771_583_400))
            #expect(log.messages.count == 1)
            #expect(log.messages.first?.contains("set aside an incomplete last line") == true)
            #expect(log.messages.first?.contains("journal.jsonl.quarantined-20260220T103000Z") == true)
            #expect(fileBytes(journal) == intact, "the torn bytes are cut off")
            #expect(fileBytes(home + "/journal.jsonl.quarantined-20260220T103000Z") == torn, "and kept, byte for byte")
            try store.put(collection: "c", id: "c", value: 3)
            let lines = try #require(fileBytes(journal)).split(separator: UInt8(ascii: "\n"))
            #expect(lines.count == 3)
            for line in lines { _ = try JournalCodec.decode(line) }
            let reopened = try Store(home: home, options: testOptions(log: log))
            #expect(pairs(try reopened.records(in: "c")) == ["a=1", "b=2", "c=3"])
            #expect(log.messages.count == 1)
        }
    }

    @Test func aLineStillBeingAppendedIsNotTreatedAsTorn() throws {
        try withTemporaryHome { home in
            let log = LogCapture()
            let reader = try Store(home: home, options: testOptions(log: log))
            try reader.put(collection: "c", id: "a", value: 1)
            let journal = home + "/journal.jsonl"
            let line = JournalCodec.encode(JournalEntry(seq: 2, operations: [.put(collection: "c", id: "b", value: 2)]))
            // Another process has written the first half of its line and not yet the rest.
            try appendToFile(journal, Array(line.prefix(20)))
            let before = try #require(fileBytes(journal))
            #expect(try reader.get(collection: "c", id: "b") == nil)
            #expect(try reader.count(in: "c") == 1)
            #expect(fileBytes(journal) == before, "a reader never cuts the file")
            #expect(log.messages.isEmpty)
            try appendToFile(journal, Array(line.dropFirst(20)))
            // The writer lets go of its lock, which announces the change to every reader.
            _ = try Store(home: home, options: testOptions(log: log))
            #expect(try reader.get(collection: "c", id: "b") == 2)
        }
    }

    /// Makes a store with a few lines, damages it with `damage`, and checks that opening throws `code`
    /// with a message containing `words`, and that no file changed.
    func expectOpenRefuses(code: StoreError.Code, words: [String], compactFirst: Bool = false,
                           damage: (String) throws -> Void) throws {
        try withTemporaryHome { home in
            do {
                let store = try Store(home: home, options: testOptions())
                for index in 0..<3 { try store.put(collection: "c", id: "k\(index)", value: .integer(Int64(index))) }
                if compactFirst {
                    try store.compact()
                    try store.put(collection: "c", id: "later", value: true)
                }
            }
            try damage(home)
            let before = try snapshotOfFiles(home)
            let error = storeError { _ = try Store(home: home, options: testOptions()) }
            #expect(error?.code == code)
            for word in words { #expect(error?.message.contains(word) == true, "missing \"\(word)\" in \(String(describing: error))") }
            #expect(try snapshotOfFiles(home) == before, "a damaged store is never modified")
            let report = Store.check(home: home)
            #expect(!report.isHealthy)
            #expect(try snapshotOfFiles(home) == before, "checking modifies nothing")
        }
    }

    @Test func corruptMiddleLineRefusesToOpen() throws {
        try expectOpenRefuses(code: .corruptData, words: ["journal.jsonl line 2", "byte offset", "backup", "doctor --repair"]) { home in
            let path = home + "/journal.jsonl"
            var bytes = try #require(fileBytes(path))
            let secondLine = try #require(bytes.firstIndex(of: UInt8(ascii: "\n"))) + 1
            bytes[secondLine + 3] = UInt8(ascii: "#")
            try writeFile(path, bytes)
        }
    }

    @Test func missingTransactionsRefuseToOpen() throws {
        try expectOpenRefuses(code: .corruptData, words: ["journal.jsonl line 2", "sequence number 3 after 1"]) { home in
            let path = home + "/journal.jsonl"
            let lines = try #require(fileBytes(path)).split(separator: UInt8(ascii: "\n"))
            try writeFile(path, Array(lines[0]) + [10] + Array(lines[2]) + [10])
        }
    }

    @Test func corruptSnapshotRefusesToOpen() throws {
        try expectOpenRefuses(code: .corruptData, words: ["snapshot.json is damaged", "not valid JSON", "backup"],
                              compactFirst: true) { home in
            var bytes = try #require(fileBytes(home + "/snapshot.json"))
            bytes.removeLast(10)
            try writeFile(home + "/snapshot.json", bytes)
        }
    }

    @Test func newerSnapshotVersionRefusesToOpen() throws {
        try expectOpenRefuses(code: .unsupportedVersion, words: ["snapshot.json", "version 2", "Upgrade tak-mcp"],
                              compactFirst: true) { home in
            let text = String(decoding: try #require(fileBytes(home + "/snapshot.json")), as: UTF8.self)
            try writeFile(home + "/snapshot.json", Array(text.replacingOccurrences(of: #""version":1"#, with: #""version":2"#).utf8))
        }
    }

    @Test func newerJournalVersionRefusesToOpen() throws {
        try expectOpenRefuses(code: .unsupportedVersion, words: ["journal.jsonl", "version 3", "Upgrade tak-mcp"]) { home in
            try appendToFile(home + "/journal.jsonl", Array(#"{"v":3,"seq":4,"something":"new"}"#.utf8) + [10])
        }
    }

    @Test func snapshotOlderThanTheJournalRefusesToOpen() throws {
        try expectOpenRefuses(code: .corruptData, words: ["transactions 2 to 3 are missing"], compactFirst: true) { home in
            let state = StoreState(seq: 1, collections: [:])
            try writeFile(home + "/snapshot.json", SnapshotCodec.encode(state))
        }
    }

    @Test func aJournalRemovedByHandAfterAcknowledgedWritesIsDamageAndLeftAlone() throws {
        try withTemporaryHome { home in
            do {
                let store = try Store(home: home, options: testOptions())
                try store.put(collection: "c", id: "a", value: 1)
                try store.compact()
                try store.put(collection: "c", id: "b", value: 2)
            }
            try FileManager.default.removeItem(atPath: home + "/journal.jsonl")
            let before = try snapshotOfFiles(home)
            let error = storeError { _ = try Store(home: home, options: testOptions()) }
            #expect(error?.code == .corruptData)
            #expect(error?.missingTransactions == 2...2)
            #expect(error?.message.contains("journal.jsonl is missing") == true)
            #expect(try snapshotOfFiles(home) == before, "no journal is made up in its place")
            #expect(Store.check(home: home).findings.contains { $0.subject == "journal.jsonl" && $0.severity == .problem })
        }
    }

    @Test func aJournalRemovedRightAfterACompactionIsRecreatedQuietly() throws {
        try withTemporaryHome { home in
            do {
                let store = try Store(home: home, options: testOptions())
                try store.put(collection: "c", id: "a", value: 1)
                try store.compact()
            }
            try FileManager.default.removeItem(atPath: home + "/journal.jsonl")
            let log = LogCapture()
            let store = try Store(home: home, options: testOptions(log: log))
            #expect(log.messages.isEmpty, "the commit counter shows that nothing was lost")
            #expect(pairs(try store.records(in: "c")) == ["a=1"])
            try store.put(collection: "c", id: "c", value: 3)
            #expect(try Store(home: home, options: testOptions()).sequenceNumber() == 2)
        }
    }

    @Test func aJournalRemovedFromAStoreWithoutACommitCounterIsRecreatedWithAWarning() throws {
        try withTemporaryHome { home in
            do {
                let store = try Store(home: home, options: testOptions())
                try store.put(collection: "c", id: "a", value: 1)
                try store.compact()
                try store.put(collection: "c", id: "b", value: 2)
            }
            // A lock file as older releases left it: the change counter only.
            try writeFile(home + "/store.lock", Array(try #require(fileBytes(home + "/store.lock")).prefix(8)))
            try FileManager.default.removeItem(atPath: home + "/journal.jsonl")
            let log = LogCapture()
            let store = try Store(home: home, options: testOptions(log: log))
            #expect(log.messages.first?.contains("was missing") == true)
            #expect(pairs(try store.records(in: "c")) == ["a=1"])
        }
    }

    /// The writes acknowledged before a fault, as id=value pairs.
    static let acknowledged = ["k1=1", "k2=2", "k3=3", "k4=4"]

    @Test(arguments: StoreFaultPoint.allCases)
    func crashAtEachFaultPointKeepsExactlyTheAcknowledgedWrites(point: StoreFaultPoint) throws {
        try withTemporaryHome { home in
            let faults = FaultPlan()
            let store = try Store(home: home, options: testOptions(synced: true, faults: faults))
            for index in 0..<5 { try store.put(collection: "c", id: "k\(index)", value: .integer(Int64(index))) }
            try store.delete(collection: "c", id: "k0")
            faults.arm(point, .crash)
            let journalPoints: [StoreFaultPoint] = [.journalPartlyWritten, .journalWritten, .journalSynced]
            let error = storeError {
                if journalPoints.contains(point) {
                    try store.update { transaction in
                        try transaction.put(collection: "c", id: "k1", value: 100)
                        try transaction.put(collection: "c", id: "k9", value: 9)
                    }
                } else {
                    try store.compact()
                }
            }
            #expect(error?.code == .simulatedCrash)
            #expect(storeError { _ = try store.count(in: "c") }?.code == .unusable, "a crashed instance refuses further use")

            let log = LogCapture()
            let reopened = try Store(home: home, options: testOptions(log: log))
            let records = pairs(try reopened.records(in: "c"))
            switch point {
            case .journalPartlyWritten:
                #expect(records == Self.acknowledged, "the torn transaction is gone entirely")
                #expect(log.messages.count == 1)
            case .journalWritten, .journalSynced:
                // The line reached the file before the crash: the unacknowledged transaction is there entirely.
                #expect(records == ["k1=100", "k2=2", "k3=3", "k4=4", "k9=9"])
            default:
                #expect(records == Self.acknowledged)
            }
            let seq = try reopened.sequenceNumber()
            try reopened.put(collection: "c", id: "after", value: true)
            try reopened.compact()
            try reopened.put(collection: "c", id: "after2", value: true)
            let again = try Store(home: home, options: testOptions())
            #expect(try again.sequenceNumber() == seq + 2)
            #expect(pairs(try again.records(in: "c")) == records + ["after=true", "after2=true"])
            #expect(!FileManager.default.fileExists(atPath: home + "/snapshot.json.tmp"))
            #expect(!FileManager.default.fileExists(atPath: home + "/journal.jsonl.tmp"))
        }
    }

    @Test func crashDuringAutomaticCompactionKeepsTheCommittedWrite() throws {
        try withTemporaryHome { home in
            let faults = FaultPlan()
            let store = try Store(home: home, options: testOptions(threshold: 300, synced: true, faults: faults))
            faults.arm(.snapshotRenamed, .crash)
            var acknowledged: [String] = []
            var crashed = false
            for index in 0..<20 where !crashed {
                do {
                    try store.put(collection: "c", id: "k\(index)", value: .integer(Int64(index)))
                    acknowledged.append("k\(index)=\(index)")
                } catch let error as StoreError {
                    #expect(error.code == .simulatedCrash)
                    crashed = true
                    // The commit was durable before compaction started.
                    acknowledged.append("k\(index)=\(index)")
                }
            }
            #expect(crashed)
            let reopened = try Store(home: home, options: testOptions())
            #expect(pairs(try reopened.records(in: "c")) == acknowledged)
        }
    }

    @Test func aFailedAutomaticCompactionIsLoggedAndRetriedLater() throws {
        try withTemporaryHome { home in
            let faults = FaultPlan()
            let log = LogCapture()
            let store = try Store(home: home, options: testOptions(log: log, threshold: 800, faults: faults))
            faults.arm(.snapshotTempWritten, .ioFailure)
            var attempts: [Int] = []
            for index in 0..<30 {
                try store.put(collection: "c", id: "k\(index)", value: .integer(Int64(index)))
                if faults.pointsReached.last == .journalReplaced || faults.pointsReached.last == .snapshotTempWritten {
                    attempts.append(index)
                }
            }
            #expect(log.messages.count == 1)
            #expect(log.messages.first?.contains("compaction") == true)
            #expect(attempts.count >= 2)
            #expect(attempts.count < 5, "a failed compaction is not retried after every commit")
            #expect(FileManager.default.fileExists(atPath: home + "/snapshot.json"), "a later attempt succeeded")
            #expect(try Store(home: home, options: testOptions()).count(in: "c") == 30)
        }
    }

    @Test func ioFailureWhileAppendingRollsBackAndTheStoreGoesOn() throws {
        try withTemporaryHome { home in
            let faults = FaultPlan()
            let store = try Store(home: home, options: testOptions(synced: true, faults: faults))
            try store.put(collection: "c", id: "a", value: 1)
            let before = try #require(fileBytes(home + "/journal.jsonl"))
            for point in [StoreFaultPoint.journalPartlyWritten, .journalWritten] {
                faults.arm(point, .ioFailure)
                let error = storeError { try store.put(collection: "c", id: "b", value: 2) }
                #expect(error?.code == .ioFailure)
                #expect(fileBytes(home + "/journal.jsonl") == before, "the partial line is cut off")
                #expect(try store.get(collection: "c", id: "b") == nil)
            }
            try store.put(collection: "c", id: "c", value: 3)
            faults.arm(.snapshotTempWritten, .ioFailure)
            #expect(storeError { try store.compact() }?.code == .ioFailure)
            #expect(!FileManager.default.fileExists(atPath: home + "/snapshot.json"))
            try store.put(collection: "c", id: "d", value: 4)
            let reopened = try Store(home: home, options: testOptions())
            #expect(pairs(try reopened.records(in: "c")) == ["a=1", "c=3", "d=4"])
            #expect(try reopened.sequenceNumber() == 3)
        }
    }
}
