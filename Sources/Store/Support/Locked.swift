public import Synchronization

/// A value guarded by a `Mutex`, held by reference so several owners share one lock: for state
/// shared between threads and tasks where a plain `Mutex` property cannot be (copyable structs,
/// closures, two objects that share one state).
///
/// The closure passed to `withLock` must not suspend or call back into the same lock.
public final class Locked<Value: Sendable>: Sendable {
    @usableFromInline let mutex: Mutex<Value>

    /// Guards `value`.
    public init(_ value: Value) { mutex = Mutex(value) }

    /// Runs `body` with exclusive access to the value.
    @inlinable @inline(__always)
    public func withLock<T: Sendable>(_ body: (inout Value) throws -> T) rethrows -> T {
        try mutex.withLock { value throws -> T in try body(&value) }
    }
}
