import Foundation
import Testing
@testable import Store

/// A read-only store writes nothing at all, not even the lock file (issue 13, item 6).
@Suite struct ReadOnlyStoreTests {
    @Test func aReadOnlyStoreReadsEverythingAndChangesNoByte() throws {
        try withTemporaryHome { home in
            do {
                let store = try Store(home: home, options: testOptions())
                try store.put(collection: "c", id: "a", value: 1)
                try store.compact()
                try store.put(collection: "c", id: "b", value: 2)
            }
            try appendToFile(home + "/journal.jsonl", Array(#"{"v":1,"se"#.utf8))
            let before = try snapshotOfFiles(home)
            let reader = try Store(home: home, options: testOptions(readOnly: true))
            #expect(reader.isReadOnly)
            #expect(pairs(try reader.records(in: "c")) == ["a=1", "b=2"])
            #expect(storeError { try reader.put(collection: "c", id: "x", value: 1) }?.code == .readOnly)
            #expect(storeError { try reader.compact() }?.code == .readOnly)
            #expect(storeError { try reader.put(collection: "c", id: "x", value: 1) }?.message.contains("read-only") == true)
            #expect(try snapshotOfFiles(home) == before, "no file changed, the torn tail and the lock file included")
        }
    }

    @Test func aReadOnlyStoreOnAMissingHomeIsEmptyAndCreatesNothing() throws {
        try withTemporaryHome { home in
            let reader = try Store(home: home, options: testOptions(readOnly: true))
            #expect(try reader.recordCounts().isEmpty)
            #expect(!FileManager.default.fileExists(atPath: home))
        }
    }

    @Test func aReadOnlyStoreSeesAnotherProcesssWrites() throws {
        try withTemporaryHome { home in
            let writer = try Store(home: home, options: testOptions())
            try writer.put(collection: "c", id: "a", value: 1)
            let reader = try Store(home: home, options: testOptions(readOnly: true))
            try writer.put(collection: "c", id: "b", value: 2)
            #expect(pairs(try reader.records(in: "c")) == ["a=1", "b=2"])
            try writer.compact()
            try writer.put(collection: "c", id: "c", value: 3)
            #expect(pairs(try reader.records(in: "c")) == ["a=1", "b=2", "c=3"])
        }
    }

    @Test func aReadOnlyStoreReportsDamageLikeAnyOther() throws {
        try withTemporaryHome { home in
            do {
                let store = try Store(home: home, options: testOptions())
                for index in 0..<3 { try store.put(collection: "c", id: "k\(index)", value: 1) }
            }
            try writeFile(home + "/journal.jsonl", [])
            let error = storeError { _ = try Store(home: home, options: testOptions(readOnly: true)) }
            #expect(error?.missingTransactions == 1...3)
            let served = try Store.openForServing(home: home, options: testOptions(readOnly: true))
            #expect(served.isReadOnly && served.damage != nil)
        }
    }
}
