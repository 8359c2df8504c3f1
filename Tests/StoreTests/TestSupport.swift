import Foundation
@testable import Store
import JSON

/// Runs `body` with the path of a store home inside a fresh temporary folder (the home itself does
/// not exist yet), and removes the folder afterwards.
func withTemporaryHome<T>(_ body: (String) throws -> T) throws -> T {
    let parent = FileManager.default.temporaryDirectory.path + "/store-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: parent) }
    return try body(parent + "/home")
}

/// `withTemporaryHome` for a body that awaits.
func withTemporaryHome<T>(_ body: (String) async throws -> T) async throws -> T {
    let parent = FileManager.default.temporaryDirectory.path + "/store-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: parent) }
    return try await body(parent + "/home")
}

/// Collects log messages from a store.
final class LogCapture: @unchecked Sendable {
    /// Guards `storage`.
    private let lock = NSLock()
    /// The messages so far.
    private var storage: [String] = []

    /// The messages so far.
    var messages: [String] { lock.withLock { storage } }

    /// The function to put into `StoreOptions.log`.
    var log: @Sendable (String) -> Void { { message in self.lock.withLock { self.storage.append(message) } } }
}

/// A fault-injection hook that answers `action` once, the first time `point` is reached after arming.
final class FaultPlan: @unchecked Sendable {
    /// Guards the fields below.
    private let lock = NSLock()
    /// The point to fire at, if armed.
    private var point: StoreFaultPoint?
    /// What to answer there.
    private var action = StoreFaultAction.proceed
    /// The points reached so far, in order.
    private var reached: [StoreFaultPoint] = []

    /// Fires `action` the next time `point` is reached.
    func arm(_ point: StoreFaultPoint, _ action: StoreFaultAction) {
        lock.withLock {
            self.point = point
            self.action = action
        }
    }

    /// The points reached so far.
    var pointsReached: [StoreFaultPoint] { lock.withLock { reached } }

    /// The function to put into `StoreOptions.faultInjection`.
    var hook: @Sendable (StoreFaultPoint) -> StoreFaultAction {
        { reachedPoint in
            self.lock.withLock {
                self.reached.append(reachedPoint)
                guard reachedPoint == self.point else { return .proceed }
                self.point = nil
                return self.action
            }
        }
    }
}

/// Options for tests: warnings captured, no fsync unless asked, the clock stopped at `clock`.
func testOptions(log: LogCapture = LogCapture(), threshold: Int = 4 << 20, synced: Bool = false, readOnly: Bool = false,
                 fileSystem: StoreFileSystem = .system, clock: Int64 = 1_771_583_400,
                 faults: FaultPlan? = nil) -> StoreOptions {
    StoreOptions(log: log.log, compactionThreshold: threshold, durability: synced ? .synced : .unsafeUnsynced,
                 readOnly: readOnly, fileSystem: fileSystem, clock: { clock }, faultInjection: faults?.hook)
}

/// The bytes of the file at `path`, or nil if there is none.
func fileBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

/// Writes `bytes` to `path`, replacing it.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// Appends `bytes` to the file at `path`.
func appendToFile(_ path: String, _ bytes: [UInt8]) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
}

/// Every file in `home` with its bytes.
func snapshotOfFiles(_ home: String) throws -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: home) {
        result[name] = fileBytes(home + "/" + name)
    }
    return result
}

/// The ids and values of `records`.
func pairs(_ records: [StoredRecord]) -> [String] { records.map { "\($0.id)=\($0.value.jsonText)" } }

/// The error thrown by `body`, which must be a `StoreError`.
func storeError(_ body: () throws -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}
