
/// A number in the first eight bytes of the lock file, mapped into every process that shares the
/// store, which each process bumps when it lets go of the exclusive lock. A reader that finds the
/// number where it last saw it knows that no process changed the files since, without a system
/// call; otherwise it looks at the journal as before.
///
/// Why this is safe: every change to the files (commit, compaction, a torn line cut off) happens
/// under the exclusive lock, and the bump happens before that lock is released, so before the
/// writer acknowledges anything. A reader asked after that acknowledgement (through any chain of
/// messages, which orders memory like the lock does) loads the new number. Bumps that announce no
/// change cost readers one `stat`, nothing more. A writer that dies holding the lock never bumps:
/// its line was never acknowledged, and the next release by any process announces it.
///
/// The number is read and written as one aligned 64-bit word, which x86-64 and ARM64 load and
/// store whole; only the holder of the exclusive lock writes it, so increments are never lost.
/// Where the file cannot be mapped, `current` is nil and readers `stat` the journal every time.
final class ChangeCounter {
    /// The mapped word, or nil.
    private let word: UnsafeMutablePointer<UInt64>?

    /// The size the lock file needs to hold the counter.
    static let fileSize = 8

    /// Maps the counter of the lock file `file`, first growing the file to hold it. Call with the
    /// exclusive lock held, since growing must not race another process's mapping.
    init(lockFile file: OpenFile) {
        var mapped: UnsafeMutablePointer<UInt64>?
        if let size = try? file.status().size, size >= Self.fileSize || ftruncate(file.descriptor, off_t(Self.fileSize)) == 0,
           let address = mmap(nil, Self.fileSize, PROT_READ | PROT_WRITE, MAP_SHARED, file.descriptor, 0),
           address != MAP_FAILED {
            mapped = address.assumingMemoryBound(to: UInt64.self)
        }
        word = mapped
    }

    deinit {
        if let word { munmap(word, Self.fileSize) }
    }

    /// The number now, or nil when the file could not be mapped.
    var current: UInt64? { word?.pointee }

    /// Adds one and returns the new number (nil when unmapped). Call with the exclusive lock held.
    @discardableResult
    func bump() -> UInt64? {
        guard let word else { return nil }
        word.pointee &+= 1
        return word.pointee
    }
}
