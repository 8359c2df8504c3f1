
/// The stateful core behind `Store`: open files, the in-memory state, and how far the journal was read.
///
/// Not thread-safe and not `Sendable`: `Store` owns one and calls it only while holding its mutex.
/// Cross-process safety comes from the `flock` lock: appends and compactions hold it exclusively,
/// readers take it shared only when there is something new to read.
final class StoreEngine {
    /// The files.
    let paths: StorePaths
    /// How the store was opened.
    let options: StoreOptions
    /// The cross-process lock; nil only for a read-only engine on a home without a lock file.
    let lock: FileLock?
    /// The records, as of `state.seq`.
    var state = StoreState()
    /// The journal file this process reads and appends to; nil while none exists.
    var journal: OpenFile?
    /// The identity of `journal`, compared with the path's to notice another process's compaction.
    var journalIdentity: FileIdentity?
    /// How far `journal` has been read.
    var progress = JournalProgress()
    /// The size of the snapshot last loaded or written, for the compaction threshold.
    var snapshotSize = 0
    /// After a failed automatic compaction, the journal offset before which it is not tried again.
    var compactionNotBefore = 0
    /// How this engine holds `lock` right now, if it does.
    private(set) var heldLock: FileLock.Mode?
    /// The shared change counter in the lock file; nil until the first exclusive hold maps it.
    private(set) var changes: ChangeCounter?
    /// The change counter's value when this engine last knew its state to be current; nil when
    /// the journal must be looked at.
    var seenChange: UInt64?
    /// Set once the state is current under the exclusive lock held now, so the counter value
    /// bumped at its release can be taken as seen.
    var isCurrentUnderLock = false
    /// Set after a simulated crash or an unrecoverable failure; every later call throws it.
    private(set) var unusableReason: StoreError?
    /// The commit counter's value as this engine last read or wrote it, so an unchanged value is
    /// not written again.
    var knownCommitted: Int64?

    /// Creates the home folder if needed (mode 0700), then loads the store under the exclusive lock:
    /// sets a torn last journal line aside, creates a missing journal, removes temporary files left
    /// by an interrupted compaction. Throws without touching a damaged file.
    ///
    /// Read-only (`options.readOnly`): creates and changes nothing, and loads under the shared lock.
    init(home: String, options: StoreOptions) throws(StoreError) {
        paths = StorePaths(home: home)
        self.options = options
        if options.readOnly {
            lock = try FileLock.openReadOnly(path: paths.lock)
            try acquire(.shared)
            defer { release() }
            try reload()
            return
        }
        try FileSystem.createDirectories(home)
        lock = try FileLock(path: paths.lock)
        try acquire(.exclusive)
        defer { release() }
        try reload()
        try createJournalIfMissing()
        try FileSystem.removeIfPresent(paths.snapshotTemp)
        try FileSystem.removeIfPresent(paths.journalTemp)
        isCurrentUnderLock = true
    }

    /// Whether this engine may write: false when opened read-only.
    var isReadOnly: Bool { options.readOnly }

    /// Waits for the cross-process lock in `mode`; pair with `release()`. A read-only engine
    /// without a lock file reads unlocked.
    func acquire(_ mode: FileLock.Mode) throws(StoreError) {
        precondition(heldLock == nil, "the store's file lock is already held by this instance")
        precondition(mode == .shared || !isReadOnly, "a read-only store never takes the exclusive lock")
        try lock?.lock(mode)
        heldLock = mode
        if mode == .exclusive, let lock {
            isCurrentUnderLock = false
            if changes == nil { changes = ChangeCounter(lockFile: lock.file) }
        }
    }

    /// Releases the cross-process lock. An exclusive hold that got as far as catching up first
    /// bumps the change counter, so other processes look at the files again (see `ChangeCounter`);
    /// one that failed before changed nothing another process could see.
    func release() {
        if heldLock == .exclusive {
            seenChange = isCurrentUnderLock ? changes?.bump() : nil
        }
        lock?.unlock()
        heldLock = nil
    }

    /// The commit counter (see `CommitCounter`), read under the lock; nil when unknown.
    func readCommitted() throws(StoreError) -> Int64? {
        guard let lock else { return nil }
        knownCommitted = try CommitCounter.read(lock.file)
        return knownCommitted
    }

    /// Records `seq` in the commit counter unless it already holds it (exclusive lock held). A
    /// failure is only logged: the transactions are durable already, and a counter left behind
    /// can hide damage later but never invent it.
    func recordCommitted(_ seq: Int64) {
        guard knownCommitted != seq, heldLock == .exclusive, let lock else { return }
        do throws(StoreError) {
            try CommitCounter.write(seq, to: lock.file)
            knownCommitted = seq
        } catch {
            options.log("tak-store warning: could not record transaction \(seq) in \(paths.lock): \(error.message)")
        }
    }

    /// Throws if an earlier crash or failure made this instance unusable.
    func ensureUsable() throws(StoreError) {
        if let unusableReason { throw unusableReason }
    }

    /// Stops this instance for good: every later call throws `unusable` with `reason`.
    func markUnusable(_ reason: String) {
        if unusableReason == nil {
            unusableReason = StoreError(.unusable, reason + " Open the store folder again to continue.", path: paths.home)
        }
    }

    /// Calls the fault-injection hook at `point`: a requested crash makes this instance unusable and
    /// throws `simulatedCrash`; a requested I/O failure throws `ioFailure` (EIO).
    func checkpoint(_ point: StoreFaultPoint) throws(StoreError) {
        guard let hook = options.faultInjection else { return }
        switch hook(point) {
        case .proceed:
            return
        case .crash:
            markUnusable("This instance simulated a crash at \(point.rawValue).")
            throw StoreError(.simulatedCrash, "simulated crash at \(point.rawValue)", path: paths.home)
        case .ioFailure:
            throw StoreError(.ioFailure, "simulated I/O failure at \(point.rawValue)", path: paths.home, errno: EIO)
        }
    }

    /// Flushes `file` to the disk unless durability is off.
    func sync(_ file: OpenFile, dataOnly: Bool = false) throws(StoreError) {
        if options.durability == .synced { try file.sync(dataOnly: dataOnly) }
    }

    /// Flushes the home folder's entries to the disk unless durability is off.
    func syncHome() throws(StoreError) {
        if options.durability == .synced { try FileSystem.syncDirectory(paths.home) }
    }
}
