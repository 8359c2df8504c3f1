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

    @Test func childProcessesIncrementingACounterLoseNoUpdate() async throws {
        try await withTemporaryHome { home in
            _ = try Store(home: home, options: testOptions())
            // The test binary itself, run again with a filter that selects only `childProcessWorker`.
            try await runChildren(Self.children, filter: "childProcessWorker", home: home)
            let store = try Store(home: home, options: testOptions())
            let total = Self.children * Self.incrementsPerChild
            #expect(try store.get(collection: "counters", id: "hits") == .integer(Int64(total)))
            #expect(try store.count(in: "log") == total)
            #expect(try store.sequenceNumber() == Int64(total))
            #expect(Store.check(home: home).isHealthy)
        }
    }

    /// How many turns each of the two turn-taking processes takes.
    static let turnsPerChild = 100

    /// Two processes take turns: each waits, reading without a lock, until it sees the other's
    /// last write, then writes the next turn. A reader that missed a change announced by the
    /// shared change counter (or a compaction) would wait forever and fail.
    @Test func childProcessesTakingTurnsSeeEachOthersWrites() async throws {
        try await withTemporaryHome { home in
            _ = try Store(home: home, options: testOptions())
            try await runChildren(2, filter: "turnTakingWorker", home: home)
            let store = try Store(home: home, options: testOptions())
            #expect(try store.get(collection: "game", id: "turn") == .integer(Int64(2 * Self.turnsPerChild)))
        }
    }

    /// The body of each child process started by `childProcessesTakingTurnsSeeEachOthersWrites`.
    @Test func turnTakingWorker() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let home = environment["TAK_STORE_TEST_CHILD_HOME"], let child = environment["TAK_STORE_TEST_CHILD_ID"].flatMap(Int64.init) else { return }
        let store = try Store(home: home, options: testOptions(threshold: 2_000))
        for _ in 0..<Self.turnsPerChild {
            let deadline = Date().addingTimeInterval(20)
            while (try store.get(collection: "game", id: "turn")?.integerValue ?? 0) % 2 != child {
                if Date() > deadline { Issue.record("child \(child) never saw the other's turn"); return }
                usleep(50)
            }
            try store.update { transaction in
                let turn = transaction.get(collection: "game", id: "turn")?.integerValue ?? 0
                try transaction.put(collection: "game", id: "turn", value: .integer(turn + 1))
            }
        }
    }

    /// Runs `count` children of `filter` on `home` at once and expects each to succeed. Waits
    /// by polling, never by blocking: a blocked thread of the cooperative pool (two cores, two
    /// threads) would stall every other test running meanwhile.
    func runChildren(_ count: Int, filter: String, home: String) async throws {
        let processes = try (0..<count).map { try startChild(filter: filter, home: home, child: $0) }
        for (process, output) in processes {
            while process.isRunning { try await Task.sleep(nanoseconds: 2_000_000) }
            process.waitUntilExit() // already exited: returns at once, with the status settled
            let log = String(decoding: fileBytes(output) ?? [], as: UTF8.self)
            #expect(process.terminationStatus == 0, "child failed:\n\(log.suffix(3000))")
        }
    }

    /// Starts this test binary again, running only the test `filter`, for child `child` on `home`.
    func startChild(filter: String, home: String, child: Int) throws -> (Process, String) {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--testing-library", "swift-testing", "--filter", filter]
        var environment = ProcessInfo.processInfo.environment
        environment["TAK_STORE_TEST_CHILD_HOME"] = home
        environment["TAK_STORE_TEST_CHILD_ID"] = String(child)
        process.environment = environment
        let output = home + "/../\(filter)-\(child).log"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return (process, output)
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

@Suite struct ChangeCounterTests {
    /// Two mappings of one lock file (as in two processes) see each other's bumps; the file is
    /// grown to hold the counter.
    @Test func bumpsAreSeenThroughEveryMapping() throws {
        try withTemporaryHome { home in
            let path = home + "-counter.lock"
            let first = ChangeCounter(lockFile: try OpenFile.create(path, flags: O_RDWR))
            let second = ChangeCounter(lockFile: try #require(try OpenFile.open(path, flags: O_RDWR)))
            #expect(fileBytes(path)?.count == ChangeCounter.fileSize)
            let start = try #require(first.current)
            #expect(second.current == start)
            #expect(first.bump() == start &+ 1)
            #expect(second.current == start &+ 1)
            second.bump()
            #expect(first.current == start &+ 2)
        }
    }

    /// A store announces each change, so a reader that has seen the number skips the journal, and
    /// one that has not looks again.
    @Test func everyWriteMovesTheCounterAndReadersFollowIt() throws {
        try withTemporaryHome { home in
            let writer = try Store(home: home, options: testOptions())
            let reader = try Store(home: home, options: testOptions())
            _ = try reader.count(in: "c")
            let seen = try #require(reader.changeCounter.seen)
            #expect(reader.changeCounter.current == seen)
            try writer.put(collection: "c", id: "a", value: 1)
            #expect(writer.changeCounter.current == seen &+ 1)
            #expect(try reader.get(collection: "c", id: "a") == 1)
            #expect(reader.changeCounter.seen == seen &+ 1)
            try writer.compact()
            try writer.put(collection: "c", id: "b", value: 2)
            #expect(try reader.count(in: "c") == 2)
        }
    }

    /// A hold that fails before catching up (a damaged store) announces nothing and leaves the
    /// reader to look at the files next time.
    @Test func aFailedOpenAnnouncesNothing() throws {
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            try store.put(collection: "c", id: "a", value: 1)
            let before = store.changeCounter.current
            try appendToFile(home + "/journal.jsonl", Array("not json\n{\"v\":1}\n".utf8))
            #expect(storeError { _ = try Store(home: home, options: testOptions()) } != nil)
            #expect(store.changeCounter.current == before)
        }
    }
}
