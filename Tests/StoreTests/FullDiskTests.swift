import Foundation
import Testing
import TakTestSupport
@testable import Store

/// A full disk (ENOSPC through the injected file system) refuses writes with `storageFull`,
/// leaves the files as they were, and loses no acknowledged write (issue 13, item 4).
@Suite struct FullDiskTests {
    @Test(arguments: [0, 1, 40])
    func aWriteOnAFullDiskIsRefusedAsStorageFullAndRolledBack(room: Int) throws {
        try withTemporaryHome { home in
            let disk = FullDisk()
            let store = try Store(home: home, options: testOptions(synced: true, fileSystem: disk.fileSystem))
            try store.put(collection: "c", id: "a", value: 1)
            var before = try snapshotOfFiles(home)
            before["store.lock"] = nil
            disk.fill(leaving: room)
            let error = storeError { try store.put(collection: "c", id: "b", value: .string(String(repeating: "x", count: 100))) }
            #expect(error?.code == .storageFull)
            #expect(error?.errno == ENOSPC)
            #expect(error?.message.contains("The disk is full; free some space and try again.") == true)
            #expect(disk.failureCount >= 1)
            var after = try snapshotOfFiles(home)
            after["store.lock"] = nil
            #expect(after == before, "the partial line is cut off again")
            #expect(Store.check(home: home).committedTransactions == 1, "the refused write is not counted")
            #expect(try store.get(collection: "c", id: "b") == nil)
            disk.free()
            try store.put(collection: "c", id: "c", value: 3)
            #expect(pairs(try Store(home: home, options: testOptions()).records(in: "c")) == ["a=1", "c=3"])
        }
    }

    @Test func aSyncThatReportsAFullDiskIsStorageFullAndNothingIsAcknowledged() throws {
        try withTemporaryHome { home in
            let disk = FullDisk()
            let store = try Store(home: home, options: testOptions(synced: true, fileSystem: disk.fileSystem))
            try store.put(collection: "c", id: "a", value: 1)
            disk.failSyncs()
            #expect(storeError { try store.put(collection: "c", id: "b", value: 2) }?.code == .storageFull)
            disk.free()
            #expect(pairs(try Store(home: home, options: testOptions()).records(in: "c")) == ["a=1"])
            #expect(Store.check(home: home).isHealthy)
        }
    }

    @Test func compactionOnAFullDiskIsLoggedAndTheCommitStands() throws {
        try withTemporaryHome { home in
            let disk = FullDisk()
            let log = LogCapture()
            let store = try Store(home: home, options: testOptions(log: log, threshold: 200, fileSystem: disk.fileSystem))
            var acknowledged: [String] = []
            for index in 0..<4 {
                try store.put(collection: "c", id: "k\(index)", value: .integer(Int64(index)))
                acknowledged.append("k\(index)=\(index)")
            }
            #expect(storeError { try store.compact() } == nil)
            let journalLine = JournalCodec.encode(JournalEntry(seq: 5, operations: [.put(collection: "c", id: "k9", value: 9)]))
            disk.fill(leaving: journalLine.count)
            for index in 9..<10 {
                try store.put(collection: "c", id: "k\(index)", value: .integer(Int64(index)))
                acknowledged.append("k\(index)=\(index)")
            }
            #expect(storeError { try store.compact() }?.code == .storageFull)
            #expect(!FileManager.default.fileExists(atPath: home + "/snapshot.json.tmp"))
            disk.free()
            #expect(pairs(try Store(home: home, options: testOptions()).records(in: "c")) == acknowledged)
        }
    }
}
