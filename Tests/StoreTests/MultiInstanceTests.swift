import Foundation
import Testing
@testable import Store

@Suite struct MultiInstanceTests {
    @Test func twoInstancesSeeEachOthersWritesAndCompaction() throws {
        try withTemporaryHome { home in
            let first = try Store(home: home, options: testOptions())
            let second = try Store(home: home, options: testOptions())
            try first.put(collection: "c", id: "a", value: 1)
            #expect(try second.get(collection: "c", id: "a") == 1)
            try second.update { transaction in
                let current = transaction.get(collection: "c", id: "a")?.integerValue ?? 0
                try transaction.put(collection: "c", id: "a", value: .integer(current + 1))
                try transaction.put(collection: "c", id: "b", value: 2)
            }
            #expect(try first.get(collection: "c", id: "a") == 2)
            #expect(try first.records(in: "c").map(\.id) == ["a", "b"])

            try first.compact()
            #expect(try second.count(in: "c") == 2, "the other instance reloads after a compaction")
            try second.put(collection: "c", id: "c", value: 3)
            try second.delete(collection: "c", id: "a")
            #expect(pairs(try first.records(in: "c")) == ["b=2", "c=3"])
            #expect(try first.sequenceNumber() == 4)
            try second.compact()
            try first.put(collection: "c", id: "d", value: 4)
            #expect(pairs(try second.records(in: "c")) == ["b=2", "c=3", "d=4"])
            #expect(try second.sequenceNumber() == 5)
        }
    }

    @Test func concurrentUpdatesFromManyThreadsLoseNothing() throws {
        try withTemporaryHome { home in
            // Two instances (as two processes would) plus many threads per instance; a tiny compaction
            // threshold makes compactions interleave with the increments.
            let stores = [try Store(home: home, options: testOptions(threshold: 2_000)),
                          try Store(home: home, options: testOptions(threshold: 2_000))]
            let threads = 8
            let perThread = 60
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                let store = stores[thread % 2]
                for step in 0..<perThread {
                    try? store.update { transaction in
                        let count = transaction.get(collection: "counters", id: "hits")?.integerValue ?? 0
                        try transaction.put(collection: "counters", id: "hits", value: .integer(count + 1))
                        try transaction.put(collection: "log", id: "t\(thread)-\(step)", value: .integer(count))
                    }
                    if step % 10 == 0 { _ = try? store.count(in: "log") }
                }
            }
            for store in stores {
                #expect(try store.get(collection: "counters", id: "hits") == .integer(Int64(threads * perThread)))
                #expect(try store.count(in: "log") == threads * perThread)
            }
            let reopened = try Store(home: home, options: testOptions())
            #expect(try reopened.sequenceNumber() == Int64(threads * perThread))
            let seenCounts = try reopened.records(in: "log").compactMap { $0.value.integerValue }
            #expect(Set(seenCounts).count == threads * perThread, "every increment read a different count")
        }
    }

    @Test func racingToAcceptOneOfferHasExactlyOneWinner() throws {
        try withTemporaryHome { home in
            try Store(home: home, options: testOptions()).put(collection: "offers", id: "o1", value: ["state": "open"])
            let contenders = 6
            let stores = try (0..<contenders).map { _ in try Store(home: home, options: testOptions(synced: true)) }
            let winners = LockedCounter()
            DispatchQueue.concurrentPerform(iterations: contenders) { index in
                let won = (try? stores[index].update { transaction -> Bool in
                    guard transaction.get(collection: "offers", id: "o1")?["state"] == "open" else { return false }
                    try transaction.put(collection: "offers", id: "o1", value: ["state": "accepted", "by": .integer(Int64(index))])
                    return true
                }) ?? false
                if won { winners.add() }
            }
            #expect(winners.value == 1)
            #expect(try stores[0].get(collection: "offers", id: "o1")?["state"] == "accepted")
        }
    }

    /// How many increments each child process makes.
    static let incrementsPerChild = 60
    /// How many child processes hammer the store.
    static let children = 4

    @Test func childProcessesIncrementingACounterLoseNoUpdate() throws {
        try withTemporaryHome { home in
            _ = try Store(home: home, options: testOptions())
            // The test binary itself, run again with a filter that selects only `childProcessWorker`.
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            try #require(FileManager.default.isExecutableFile(atPath: executable.path))
            var processes: [(Process, String)] = []
            for child in 0..<Self.children {
                let process = Process()
                process.executableURL = executable
                process.arguments = ["--testing-library", "swift-testing", "--filter", "childProcessWorker"]
                var environment = ProcessInfo.processInfo.environment
                environment["TAK_STORE_TEST_CHILD_HOME"] = home
                environment["TAK_STORE_TEST_CHILD_ID"] = String(child)
                process.environment = environment
                let output = home + "/../child\(child).log"
                _ = FileManager.default.createFile(atPath: output, contents: nil)
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
                process.standardOutput = handle
                process.standardError = handle
                try process.run()
                processes.append((process, output))
            }
            for (process, output) in processes {
                process.waitUntilExit()
                let log = String(decoding: fileBytes(output) ?? [], as: UTF8.self)
                #expect(process.terminationStatus == 0, "child failed:\n\(log.suffix(3000))")
            }
            let store = try Store(home: home, options: testOptions())
            let total = Self.children * Self.incrementsPerChild
            #expect(try store.get(collection: "counters", id: "hits") == .integer(Int64(total)))
            #expect(try store.count(in: "log") == total)
            #expect(try store.sequenceNumber() == Int64(total))
            #expect(Store.check(home: home).isHealthy)
        }
    }

    /// The body of each child process started by `childProcessesIncrementingACounterLoseNoUpdate`; does
    /// nothing when run as part of the normal suite.
    @Test func childProcessWorker() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let home = environment["TAK_STORE_TEST_CHILD_HOME"], let child = environment["TAK_STORE_TEST_CHILD_ID"] else { return }
        // Synced, with a small threshold so that compactions by one process interleave with the others' appends.
        let store = try Store(home: home, options: testOptions(threshold: 3_000, synced: true))
        for step in 0..<Self.incrementsPerChild {
            try store.update { transaction in
                let count = transaction.get(collection: "counters", id: "hits")?.integerValue ?? 0
                try transaction.put(collection: "counters", id: "hits", value: .integer(count + 1))
                try transaction.put(collection: "log", id: "p\(child)-\(step)", value: .integer(count))
            }
            _ = try store.records(in: "log", limit: 3)
        }
    }
}

/// A thread-safe counter.
final class LockedCounter: @unchecked Sendable {
    /// Guards `count`.
    private let lock = NSLock()
    /// The count.
    private var count = 0

    /// Adds one.
    func add() { lock.withLock { count += 1 } }

    /// The count.
    var value: Int { lock.withLock { count } }
}
