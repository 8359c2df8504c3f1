
/// An advisory `flock` lock on a file, shared between processes.
///
/// `flock` locks belong to the open file description, so two `FileLock`s on the same file exclude
/// each other even inside one process, and the kernel releases a lock when its process dies.
final class FileLock {
    /// How a lock is held.
    enum Mode {
        /// Many holders at once; used to read a consistent picture of the files.
        case shared
        /// One holder; used to append to the journal and to compact.
        case exclusive

        /// The `flock` operation for this mode.
        var operation: Int32 { self == .shared ? LOCK_SH : LOCK_EX }
    }

    /// The lock file.
    let file: OpenFile

    /// Opens (creating if needed) the lock file at `path`.
    init(path: String) throws(StoreError) {
        file = try OpenFile.create(path, flags: O_RDWR)
    }

    /// Opens the lock file at `path` read-only, for a reader that may not write; nil if there is
    /// none. `flock` works on a read-only descriptor.
    static func openReadOnly(path: String) throws(StoreError) -> FileLock? {
        guard let file = try OpenFile.open(path, flags: O_RDONLY) else { return nil }
        return FileLock(file: file)
    }

    /// A lock on an open file.
    private init(file: OpenFile) { self.file = file }

    /// Waits for the lock.
    func lock(_ mode: Mode) throws(StoreError) {
        while flock(file.descriptor, mode.operation) != 0 {
            if errno == EINTR { continue }
            throw SystemError.make("lock", path: file.path, errno: errno)
        }
    }

    /// Releases the lock.
    func unlock() {
        _ = flock(file.descriptor, LOCK_UN)
    }

    /// Takes the lock if no other holder conflicts right now; returns whether it did.
    static func tryLock(descriptor: Int32, _ mode: Mode, path: String) throws(StoreError) -> Bool {
        while flock(descriptor, mode.operation | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw SystemError.make("lock", path: path, errno: errno)
        }
        return true
    }
}
