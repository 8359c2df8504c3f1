import JSON
import Store
import Synchronization
import Testing
@testable import Tasks

/// Durable tasks: submitted, run on a bounded pool, reported, finished, cancelled and recovered.
@Suite("Tasks")
struct TaskManagerTests {
    @Test("A task is pending in the store when submit returns, then runs, reports numbered events and completes")
    func lifecycle() async throws {
        try await withStore { store, _ in
            let clock = TestClock()
            let manager = try TaskManager(store: store, now: clock.now, makeID: Counter().next)
            let gate = Gate()
            let record = try manager.submit(kind: "test", input: ["q": "x"]) { context in
                try await gate.wait()
                for step in 1...3 { try context.report("step \(step)", progress: Double(step), total: 3) }
                return ["answer": 42]
            }
            #expect(record.id == "task_1")
            #expect(try TaskStore(store: store).record("task_1")?.status != nil)
            #expect(try await eventually { try manager.record("task_1")?.status == .inProgress })
            gate.release()
            let done = try await manager.waitUntilTerminal("task_1")
            #expect(done.status == .completed)
            #expect(done.result == ["answer": 42])
            let events = try manager.events("task_1")
            #expect(events.map(\.id) == [0, 1, 2, 3])
            #expect(events.map(\.type) == ["progress", "progress", "progress", "completed"])
            #expect(events[1].message == "step 2" && events[1].progress == 2 && events[1].total == 3)
            #expect(try manager.events("task_1", since: 2).map(\.id) == [2, 3])
            #expect(try manager.events("task_1", since: 9).isEmpty)
        }
    }

    @Test("No more tasks run at once than there are workers; the rest wait as pending")
    func boundedPool() async throws {
        try await withStore { store, _ in
            let manager = try TaskManager(store: store, workers: 1, makeID: Counter().next)
            let gate = Gate()
            let running = Mutex(0), most = Mutex(0)
            for _ in 0..<3 {
                _ = try manager.submit(kind: "test", input: .null) { _ in
                    let now = running.withLock { $0 += 1; return $0 }
                    most.withLock { $0 = max($0, now) }
                    try await gate.wait()
                    running.withLock { $0 -= 1 }
                    return [:]
                }
            }
            #expect(try await eventually { try manager.record("task_1")?.status == .inProgress })
            #expect(try manager.record("task_2")?.status == .pending)
            #expect(try manager.record("task_3")?.status == .pending)
            gate.release()
            for id in ["task_1", "task_2", "task_3"] { #expect(try await manager.waitUntilTerminal(id).status == .completed) }
            #expect(most.withLock { $0 } == 1)
        }
    }

    @Test("Cancelling makes the task cancelled at once and stops its work at its next report")
    func cancel() async throws {
        try await withStore { store, _ in
            let manager = try TaskManager(store: store, makeID: Counter().next)
            let reports = Mutex(0)
            _ = try manager.submit(kind: "test", input: .null) { context in
                while true {
                    try context.report("working")
                    reports.withLock { $0 += 1 }
                    try await Task.sleep(nanoseconds: 1_000_000)
                }
            }
            #expect(try await eventually { reports.withLock { $0 } >= 2 })
            let cancelled = try manager.cancel("task_1")
            #expect(cancelled.status == .cancelled)
            let settled = reports.withLock { $0 }
            try await Task.sleep(nanoseconds: 50_000_000)
            #expect(reports.withLock { $0 } <= settled + 1)
            #expect(try manager.record("task_1")?.status == .cancelled)
            #expect(try manager.events("task_1").last?.type == "cancelled")
            #expect(throws: TaskManager.Failure.self) { _ = try manager.cancel("task_1") }
            #expect(throws: TaskManager.Failure.notFound("task_9")) { _ = try manager.cancel("task_9") }
        }
    }

    @Test("A queued task cancelled before it starts never runs")
    func cancelQueued() async throws {
        try await withStore { store, _ in
            let manager = try TaskManager(store: store, workers: 1, makeID: Counter().next)
            let gate = Gate(), ran = Mutex(false)
            _ = try manager.submit(kind: "test", input: .null) { _ in try await gate.wait(); return [:] }
            _ = try manager.submit(kind: "test", input: .null) { _ in ran.withLock { $0 = true }; return [:] }
            #expect(try manager.cancel("task_2").status == .cancelled)
            gate.release()
            #expect(try await manager.waitUntilTerminal("task_1").status == .completed)
            try await Task.sleep(nanoseconds: 20_000_000)
            #expect(!ran.withLock { $0 })
        }
    }

    @Test("Work that throws ends failed with its error; an unexpected error is an internal error")
    func failures() async throws {
        try await withStore { store, _ in
            let manager = try TaskManager(store: store, makeID: Counter().next)
            struct Boom: Error {}
            _ = try manager.submit(kind: "test", input: .null) { _ in throw TaskError(code: "no_data", message: "Nothing to search.") }
            _ = try manager.submit(kind: "test", input: .null) { _ in throw Boom() }
            let first = try await manager.waitUntilTerminal("task_1")
            #expect(first.status == .failed && first.error == TaskError(code: "no_data", message: "Nothing to search."))
            let second = try await manager.waitUntilTerminal("task_2")
            #expect(second.status == .failed && second.error?.code == "internal_error")
        }
    }

    @Test("A restart fails the live tasks of the process that is gone, with the reason; a live owner's are left alone")
    func restart() async throws {
        try await withStore { store, _ in
            let dead = "2147480000:1:gone"
            let before = try TaskManager(store: store, owner: dead, makeID: Counter().next)
            _ = try before.submit(kind: "test", input: .null) { _ in try await Task.sleep(nanoseconds: 60_000_000_000); return [:] }
            let alive = ProcessToken.current
            let other = try TaskManager(store: store, owner: alive + "-other", makeID: { "task_other" })
            _ = other
            try TaskStore(store: store).create(TaskRecord(id: "task_live", kind: "test", status: .inProgress, createdAt: 0, updatedAt: 0,
                                                          ttl: nil, input: .null, eventCount: 0, owner: alive))
            let after = try TaskManager(store: store, owner: "restarted")
            let record = try #require(try after.record("task_1"))
            #expect(record.status == .failed)
            #expect(record.error == .interrupted)
            #expect(try after.events("task_1").last?.type == "failed")
            #expect(try after.record("task_live")?.status == .inProgress)
            _ = try? before.cancel("task_1")
        }
    }

    @Test("Another process's cancel stops the work run here")
    func crossInstanceCancel() async throws {
        try await withStore { store, home in
            let manager = try TaskManager(store: store, makeID: Counter().next)
            let stopped = Mutex(false)
            _ = try manager.submit(kind: "test", input: .null) { context in
                do {
                    while true { try context.report("tick"); try await Task.sleep(nanoseconds: 2_000_000) }
                } catch {
                    stopped.withLock { $0 = true }
                    throw error
                }
            }
            #expect(try await eventually { try manager.events("task_1").count >= 2 })
            let elsewhere = try TaskManager(store: try Store(home: home, options: StoreOptions(durability: .unsafeUnsynced)), owner: "other")
            #expect(try elsewhere.cancel("task_1").status == .cancelled)
            #expect(try await eventually { stopped.withLock { $0 } })
            #expect(try manager.record("task_1")?.status == .cancelled)
        }
    }

    @Test("Finished tasks past their ttl are gone; live ones stay")
    func ttl() async throws {
        try await withStore { store, _ in
            let clock = TestClock()
            let manager = try TaskManager(store: store, now: clock.now, makeID: Counter().next)
            _ = try manager.submit(kind: "test", input: .null, ttl: 1000) { _ in [:] }
            #expect(try await manager.waitUntilTerminal("task_1").status == .completed)
            clock.advance(999)
            #expect(try manager.record("task_1") != nil)
            clock.advance(1)
            #expect(try manager.record("task_1") == nil)
            #expect(try store.count(in: "task_events") == 0)
            #expect(try manager.list(after: nil, limit: 10).records.isEmpty)
        }
    }

    @Test("Observers hear each event and the end")
    func observers() async throws {
        try await withStore { store, _ in
            let manager = try TaskManager(store: store, makeID: Counter().next)
            let gate = Gate(), heard = Mutex<[String]>([])
            _ = try manager.submit(kind: "test", input: .null) { context in
                try await gate.wait()
                try context.report("one")
                try context.report("two")
                return [:]
            }
            _ = manager.observe("task_1") { update in
                switch update {
                case .event(let event, _): heard.withLock { $0.append(event.message) }
                case .finished(let record): heard.withLock { $0.append(record.status.rawValue) }
                }
            }
            gate.release()
            #expect(try await eventually { heard.withLock { $0 } == ["one", "two", "completed"] })
        }
    }

    @Test("Lists page through tasks oldest first")
    func list() async throws {
        try await withStore { store, _ in
            let manager = try TaskManager(store: store, makeID: Counter().next)
            for _ in 0..<5 { _ = try manager.submit(kind: "test", input: .null) { _ in [:] } }
            let first = try manager.list(after: nil, limit: 2)
            #expect(first.records.map(\.id) == ["task_1", "task_2"])
            let second = try manager.list(after: first.next, limit: 2)
            #expect(second.records.map(\.id) == ["task_3", "task_4"])
            let last = try manager.list(after: second.next, limit: 2)
            #expect(last.records.map(\.id) == ["task_5"] && last.next == nil)
        }
    }

    @Test("Timestamps are ISO 8601 with milliseconds, and process tokens tell the living from the dead")
    func timeAndTokens() {
        #expect(TaskTime.iso(0) == "1970-01-01T00:00:00.000Z")
        #expect(TaskTime.iso(1_790_000_000_123) == "2026-09-21T14:13:20.123Z")
        #expect(ProcessToken.isAlive(ProcessToken.current))
        #expect(!ProcessToken.isAlive("2147480000:1:gone"))
        #expect(ProcessToken.current.split(separator: ":").count == 3)
    }
}
