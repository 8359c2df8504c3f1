import Foundation
import Store
import Synchronization
@testable import Tasks

/// A fresh store in a temporary folder, removed afterwards.
func withStore<T>(_ body: (Store, String) async throws -> T) async throws -> T {
    let parent = FileManager.default.temporaryDirectory.path + "/tasks-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: parent) }
    let store = try Store(home: parent + "/home", options: StoreOptions(durability: .unsafeUnsynced))
    return try await body(store, parent + "/home")
}

/// A clock the test moves by hand, in milliseconds.
final class TestClock: Sendable {
    /// The time.
    private let time = Mutex<Int64>(1_790_000_000_000)
    /// The clock as a function.
    var now: @Sendable () -> Int64 { { self.time.withLock { $0 } } }
    /// Moves the clock forward.
    func advance(_ milliseconds: Int64) { time.withLock { $0 += milliseconds } }
}

/// Ids `task_1`, `task_2`… in order.
final class Counter: Sendable {
    private let value = Mutex(0)
    var next: @Sendable () -> String { { "task_" + String(self.value.withLock { $0 += 1; return $0 }) } }
}

/// A latch a test opens to let waiting work go on.
final class Gate: Sendable {
    private let open = Mutex(false)
    /// Lets waiters through.
    func release() { open.withLock { $0 = true } }
    /// Waits (polling) until released.
    func wait() async throws {
        while !open.withLock({ $0 }) { try await Task.sleep(nanoseconds: 2_000_000) }
    }
}

/// Polls `condition` for up to five seconds.
func eventually(_ condition: () throws -> Bool) async throws -> Bool {
    for _ in 0..<1000 {
        if try condition() { return true }
        try await Task.sleep(nanoseconds: 5_000_000)
    }
    return false
}
