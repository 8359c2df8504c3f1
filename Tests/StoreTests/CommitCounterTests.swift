import Foundation
import Testing
@testable import Store

/// A journal that lost acknowledged transactions is damage, reported with what is missing, and
/// never rewritten (issue 13, item 0).
@Suite struct CommitCounterTests {
    /// A store with six acknowledged transactions, one record each; returns the journal's lines.
    func sixTransactions(_ home: String) throws -> [[UInt8]] {
        let store = try Store(home: home, options: testOptions())
        for index in 1...6 { try store.put(collection: "c", id: "k\(index)", value: .integer(Int64(index))) }
        return try #require(fileBytes(home + "/journal.jsonl")).split(separator: UInt8(ascii: "\n")).map { Array($0) + [10] }
    }

    /// Damages the journal with `cut`, then checks that opening and checking report `missing`
    /// with `words`, and that no file changed.
    func expectMissing(_ missing: ClosedRange<Int64>, words: [String], cut: ([[UInt8]]) -> [UInt8]) throws {
        try withTemporaryHome { home in
            let lines = try sixTransactions(home)
            try writeFile(home + "/journal.jsonl", cut(lines))
            let before = try snapshotOfFiles(home)
            let error = storeError { _ = try Store(home: home, options: testOptions()) }
            #expect(error?.code == .corruptData)
            #expect(error?.missingTransactions == missing)
            for word in words + ["doctor --repair", "backup"] {
                #expect(error?.message.contains(word) == true, "missing \"\(word)\" in \(String(describing: error))")
            }
            let report = Store.check(home: home)
            #expect(!report.isHealthy)
            #expect(report.committedTransactions == 6)
            #expect(report.findings.contains { $0.severity == .problem && $0.detail.contains("\(missing.count) acknowledged transactions are missing") })
            #expect(try snapshotOfFiles(home) == before, "a journal that lost transactions is never rewritten")
            let served = try Store.openForServing(home: home, options: testOptions())
            #expect(served.damage?.missingTransactions == missing)
            #expect(storeError { _ = try served.count(in: "c") }?.message == error?.message)
            #expect(storeError { try served.put(collection: "c", id: "new", value: 1) }?.code == .corruptData)
            #expect(try snapshotOfFiles(home) == before, "serving a damaged store changes nothing")
        }
    }

    @Test func anEmptiedJournalIsMissingEveryTransaction() throws {
        try expectMissing(1...6, words: ["journal.jsonl ends at transaction 0", "through 6"]) { _ in [] }
    }

    @Test func aJournalCutAtALineBoundaryIsMissingTheRest() throws {
        try expectMissing(4...6, words: ["journal.jsonl ends at transaction 3", "transactions 4 to 6"]) { lines in
            Array(lines[0..<3].joined())
        }
    }

    @Test func aJournalCutInTheMiddleOfALineIsNotTakenForATornWrite() throws {
        try expectMissing(4...6, words: ["ends in the middle of a line", "after transaction 3"]) { lines in
            Array(lines[0..<3].joined()) + lines[3].prefix(lines[3].count / 2)
        }
    }

    @Test func aJournalShortenedWhileAnotherInstanceRunsIsReportedThere() throws {
        try withTemporaryHome { home in
            let lines = try sixTransactions(home)
            let running = try Store(home: home, options: testOptions())
            #expect(try running.count(in: "c") == 6)
            try writeFile(home + "/journal.jsonl", Array(lines[0..<2].joined()))
            let error = storeError { try running.put(collection: "c", id: "k7", value: 7) }
            #expect(error?.code == .corruptData)
            #expect(error?.missingTransactions == 3...6)
            #expect(fileBytes(home + "/journal.jsonl") == Array(lines[0..<2].joined()), "nothing was appended after the gap")
        }
    }

    @Test func theCounterFollowsCommitsAndCompactions() throws {
        try withTemporaryHome { home in
            _ = try sixTransactions(home)
            #expect(Store.check(home: home).committedTransactions == 6)
            let store = try Store(home: home, options: testOptions())
            try store.compact()
            try store.put(collection: "c", id: "k7", value: 7)
            let report = Store.check(home: home)
            #expect(report.committedTransactions == 7)
            #expect(report.isHealthy)
            #expect(try Store(home: home, options: testOptions()).count(in: "c") == 7)
        }
    }

    @Test func aStoreFromBeforeTheCounterOpensAndStartsCounting() throws {
        try withTemporaryHome { home in
            _ = try sixTransactions(home)
            try writeFile(home + "/store.lock", Array(try #require(fileBytes(home + "/store.lock")).prefix(8)))
            #expect(Store.check(home: home).committedTransactions == nil)
            #expect(try Store(home: home, options: testOptions()).count(in: "c") == 6)
            #expect(Store.check(home: home).committedTransactions == 6)
        }
    }

    @Test func aTornTailAfterTheLastAcknowledgedTransactionIsOnlyAWarning() throws {
        try withTemporaryHome { home in
            let lines = try sixTransactions(home)
            let torn = Array(#"{"v":1,"seq":7,"op"#.utf8)
            try appendToFile(home + "/journal.jsonl", torn)
            let report = Store.check(home: home)
            #expect(report.isHealthy)
            #expect(report.findings.contains { $0.severity == .warning && $0.detail.contains("incomplete line") })
            let log = LogCapture()
            let store = try Store(home: home, options: testOptions(log: log))
            #expect(try store.count(in: "c") == 6)
            #expect(fileBytes(home + "/journal.jsonl") == Array(lines.joined()))
            let quarantine = Store.check(home: home).findings.first { $0.subject.contains(".quarantined-") }
            #expect(quarantine?.severity == .note)
            #expect(fileBytes(home + "/" + (quarantine?.subject ?? "?")) == torn)
        }
    }
}
