
/// A mutual-exclusion lock for threads of one process that refuses to deadlock on re-entry.
///
/// Error-checking `pthread_mutex`: a thread that locks it again while holding it stops with a message
/// (for instance a `Store` read called inside that store's own `update` closure), instead of hanging.
final class CheckedMutex: @unchecked Sendable {
    /// The pthread mutex, at a fixed address.
    private let handle: UnsafeMutablePointer<pthread_mutex_t>

    /// Makes an unlocked mutex.
    init() {
        handle = .allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ERRORCHECK))
        pthread_mutex_init(handle, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    /// Destroys the mutex.
    deinit {
        pthread_mutex_destroy(handle)
        handle.deallocate()
    }

    /// Runs `body` while holding the lock.
    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let result = pthread_mutex_lock(handle)
        precondition(result != EDEADLK,
                     "Store re-entered from inside its own update closure on the same thread; use the Transaction passed to the closure instead")
        precondition(result == 0, "pthread_mutex_lock failed: \(result)")
        defer { pthread_mutex_unlock(handle) }
        return try body()
    }
}
