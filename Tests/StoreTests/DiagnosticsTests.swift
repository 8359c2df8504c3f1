import Foundation
import Glibc
import Testing
@testable import Store

@Suite struct DiagnosticsTests {
    @Test func reportsAHealthyStore() throws {
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            try store.put(collection: "agents", id: "a", value: 1)
            try store.compact()
            try store.put(collection: "deals", id: "d", value: 2)
            try store.put(collection: "deals", id: "e", value: 3)
            let report = Store.check(home: home)
            #expect(report.isHealthy)
            #expect(report.worstSeverity == .ok)
            #expect(report.homeExists && report.homeWritable)
            #expect(report.lockHeldByAnotherProcess == false)
            #expect(report.snapshotVersion == 1)
            #expect(report.journalLines == 2)
            #expect(report.journalBytes == fileBytes(home + "/journal.jsonl")?.count)
            #expect(report.recordCounts == ["agents": 1, "deals": 2])
            #expect(report.sequenceNumber == 3)
            #expect(report.description.contains("records: agents 1, deals 2 (as of transaction 3)"))
        }
    }

    @Test func reportsAMissingHomeWithoutCreatingIt() throws {
        try withTemporaryHome { home in
            let report = Store.check(home: home)
            #expect(report.isHealthy)
            #expect(!report.homeExists)
            #expect(report.findings.first?.detail.contains("will be created") == true)
            #expect(!FileManager.default.fileExists(atPath: home))
        }
    }

    @Test func reportsAFileInPlaceOfTheHome() throws {
        try withTemporaryHome { home in
            try writeFile(home, [1])
            let report = Store.check(home: home)
            #expect(!report.isHealthy)
            #expect(report.findings.first?.remedy?.contains("Move that file away") == true)
            #expect(storeError { _ = try Store(home: home, options: testOptions()) }?.code == .ioFailure)
        }
    }

    @Test func reportsALockHeldByAnotherProcessAndLooseModes() throws {
        try withTemporaryHome { home in
            _ = try Store(home: home, options: testOptions())
            chmod(home, 0o755)
            let descriptor = open(home + "/store.lock", O_RDONLY)
            defer { close(descriptor) }
            #expect(flock(descriptor, LOCK_SH) == 0)
            let report = Store.check(home: home)
            #expect(report.lockHeldByAnotherProcess == true)
            #expect(report.isHealthy)
            #expect(report.findings.contains { $0.severity == .warning && $0.remedy?.contains("chmod 700") == true })
        }
    }

    @Test func reportsATornTailAsAWarningAndLeftoverTemporaryFiles() throws {
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            try store.put(collection: "c", id: "a", value: 1)
            try appendToFile(home + "/journal.jsonl", Array(#"{"v":1,"se"#.utf8))
            try writeFile(home + "/snapshot.json.tmp", [1, 2, 3])
            let report = Store.check(home: home)
            #expect(report.isHealthy)
            #expect(report.worstSeverity == .warning)
            #expect(report.findings.contains { $0.subject == "journal.jsonl" && $0.detail.contains("incomplete line (10 bytes)") })
            #expect(report.findings.contains { $0.subject == "snapshot.json.tmp" })
            #expect(report.recordCounts == ["c": 1])
        }
    }
}
