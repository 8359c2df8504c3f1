import Foundation
public import Store

/// A disk that fills up: a `StoreFileSystem` whose writes succeed until a byte budget is spent,
/// then write what still fits and fail with `ENOSPC`, as a real full disk does. Syncs can be made
/// to fail with `ENOSPC` too (delayed allocation reports a full disk at `fsync`).
public final class FullDisk: @unchecked Sendable {
    /// Guards the fields below.
    private let lock = NSLock()
    /// Bytes that may still be written; nil for no limit.
    private var budget: Int?
    /// Whether syncs fail.
    private var syncsFail = false
    /// How many writes or syncs failed.
    private var failures = 0

    /// A disk with room for everything.
    public init() {}

    /// Leaves room for `bytes` more bytes (0: the disk is full now).
    public func fill(leaving bytes: Int = 0) { lock.withLock { budget = bytes } }

    /// Makes every sync fail with `ENOSPC` (or succeed again).
    public func failSyncs(_ fail: Bool = true) { lock.withLock { syncsFail = fail } }

    /// Frees the disk: writes and syncs succeed again.
    public func free() { lock.withLock { budget = nil; syncsFail = false } }

    /// How many calls failed with `ENOSPC` so far.
    public var failureCount: Int { lock.withLock { failures } }

    /// The file system to pass in `StoreOptions.fileSystem`.
    public var fileSystem: StoreFileSystem {
        StoreFileSystem(
            write: { descriptor, bytes, offset in
                let allowed: Int = self.lock.withLock {
                    guard let budget = self.budget else { return bytes.count }
                    let allowed = min(budget, bytes.count)
                    self.budget = budget - allowed
                    if allowed == 0 { self.failures += 1 }
                    return allowed
                }
                guard allowed > 0 || bytes.isEmpty else {
                    errno = ENOSPC
                    return -1
                }
                return pwrite(descriptor, bytes.baseAddress, allowed, off_t(offset))
            },
            sync: { descriptor, dataOnly in
                let fail: Bool = self.lock.withLock {
                    if self.syncsFail { self.failures += 1 }
                    return self.syncsFail
                }
                if fail {
                    errno = ENOSPC
                    return -1
                }
                return dataOnly ? fdatasync(descriptor) : fsync(descriptor)
            })
    }
}
