
extension StoreEngine {
    /// Brings the in-memory state up to date with what any process committed.
    ///
    /// Cheap when nothing changed: no system call when the shared change counter stands where it
    /// stood when this engine was last current, else one `stat` of the journal. New bytes are read
    /// under the shared lock (or the exclusive one if held), so only lines whose writer finished
    /// (and fsync'd) are seen; if another process compacted (the journal path names a new file),
    /// everything is reloaded.
    func catchUp() throws(StoreError) {
        if heldLock == nil {
            // Read before looking at the files: a bump after this is noticed next time.
            let observed = changes?.current
            if let observed, observed == seenChange { return }
            if try journalIsUnchanged() {
                seenChange = observed
                return
            }
            try acquire(.shared)
            defer { release() }
            try catchUpLocked()
            seenChange = observed
        } else {
            try catchUpLocked()
            if heldLock == .exclusive { isCurrentUnderLock = true }
        }
    }

    /// Whether the journal path still names the file this engine read, with nothing after what it read.
    private func journalIsUnchanged() throws(StoreError) -> Bool {
        guard let status = try FileSystem.status(paths.journal) else { return journalIdentity == nil }
        return status.identity == journalIdentity && status.size == progress.offset
    }

    /// `catchUp` for a caller holding the lock: reads the new lines, or reloads after a compaction.
    private func catchUpLocked() throws(StoreError) {
        guard let journal, let status = try FileSystem.status(paths.journal), status.identity == journalIdentity,
              status.size >= progress.offset
        else {
            try reload()
            if heldLock == .exclusive { try createJournalIfMissing() }
            return
        }
        // Read before the journal: whatever it counts is in the file by now.
        let committed = try readCommitted()
        var next = progress
        var tailLength = 0
        if status.size > progress.offset {
            let bytes = try journal.read(at: progress.offset, count: status.size - progress.offset)
            var caughtUp = state
            (next, tailLength) = try replay(bytes, from: progress, onto: &caughtUp)
            try settle(caughtUp.seq, committed: committed, tailLength: tailLength, after: next, in: journal)
            state = caughtUp
        } else {
            try settle(state.seq, committed: committed, tailLength: 0, after: next, in: journal)
        }
        progress = next
        recordCommitted(state.seq)
    }

    /// Replays journal bytes read from `progress` onto `state`: decodes the whole lines and applies
    /// those after `state.seq`. Returns the progress past the whole lines and the length of what
    /// follows the last newline. Throws before changing `state`.
    private func replay(_ bytes: [UInt8], from progress: JournalProgress,
                        onto state: inout StoreState) throws(StoreError) -> (JournalProgress, tailLength: Int) {
        let scan = try JournalScanner.scan(bytes, from: progress, path: paths.journal)
        let entries = try JournalScanner.entriesToApply(scan.lines, after: progress, stateSeq: state.seq, path: paths.journal)
        for entry in entries { state.apply(entry) }
        return (JournalScanner.advance(progress, by: scan), scan.tailLength)
    }

    /// Checks what the files hold against the commit counter, then deals with a torn tail: a
    /// journal that ends before the last acknowledged transaction is damage (thrown, nothing
    /// touched); a torn tail after it was never acknowledged and is set aside (`handleTail`).
    private func settle(_ seq: Int64, committed: Int64?, tailLength: Int, after progress: JournalProgress,
                        in file: OpenFile?) throws(StoreError) {
        if let committed, committed > seq {
            throw StoreDamage.missingTransactions(paths, through: seq, committed: committed,
                                                  journalExists: file != nil, tailLength: tailLength)
        }
        if let file { try handleTail(tailLength, after: progress, lastWhole: seq, in: file) }
    }

    /// Reads the snapshot and the whole journal afresh and, only if both are sound and hold every
    /// acknowledged transaction, replaces the in-memory state with them. Under the exclusive lock
    /// a torn last journal line is set aside.
    func reload() throws(StoreError) {
        let committed = try readCommitted()
        var loaded = StoreState()
        var loadedSnapshotSize = 0
        if let snapshot = try OpenFile.open(paths.snapshot, flags: O_RDONLY) {
            let bytes = try snapshot.readAll()
            loadedSnapshotSize = bytes.count
            loaded = try SnapshotCodec.decode(bytes, path: paths.snapshot).state
        }
        var loadedProgress = JournalProgress()
        var loadedIdentity: FileIdentity?
        var tailLength = 0
        let file = try OpenFile.open(paths.journal, flags: isReadOnly ? O_RDONLY : O_RDWR, system: options.fileSystem)
        if let file {
            let status = try file.status()
            let bytes = try file.read(at: 0, count: status.size)
            (loadedProgress, tailLength) = try replay(bytes, from: loadedProgress, onto: &loaded)
            loadedIdentity = status.identity
        }
        try settle(loaded.seq, committed: committed, tailLength: tailLength, after: loadedProgress, in: file)
        if file == nil, loaded.seq > 0, committed == nil, heldLock == .exclusive {
            options.log("tak-store warning: \(paths.journal) was missing; started an empty journal after transaction \(loaded.seq) "
                + "of \(paths.snapshot). If it was not removed on purpose, later transactions are lost: restore it from a backup.")
        }
        state = loaded
        snapshotSize = loadedSnapshotSize
        compactionNotBefore = 0
        journal = file
        journalIdentity = loadedIdentity
        progress = loadedProgress
        recordCommitted(state.seq)
    }

    /// Sets a torn last line aside when holding the exclusive lock: its bytes go to a quarantine
    /// file beside the journal, then the journal is cut back to its last whole line. Without the
    /// exclusive lock the line is left, since it may be one another process is still appending.
    private func handleTail(_ tailLength: Int, after progress: JournalProgress, lastWhole seq: Int64,
                            in file: OpenFile) throws(StoreError) {
        let decision = JournalScanner.tailDecision(tailLength: tailLength, at: progress.offset,
                                                   holdsExclusiveLock: heldLock == .exclusive)
        guard case .dropTorn(let offset, let length) = decision else { return }
        let torn = try file.read(at: offset, count: length)
        let kept = try Quarantine.save(torn, from: file.path, at: options.clock(),
                                       fileSystem: options.fileSystem, durability: options.durability)
        options.log("tak-store warning: set aside an incomplete last line of \(file.path) (\(length) bytes at byte offset \(offset)), "
            + "left by a write that was interrupted before it was acknowledged; no acknowledged data was lost "
            + "(every acknowledged transaction, through \(seq), is in a whole line before it). The bytes are kept in \(kept).")
        try file.truncate(to: offset)
        try sync(file, dataOnly: true)
    }

    /// Creates an empty journal if there is none (exclusive lock held). `reload` already threw if
    /// acknowledged transactions went with the missing journal, or warned if it cannot tell (a
    /// lock file from an older release, without the commit counter).
    func createJournalIfMissing() throws(StoreError) {
        guard journal == nil else { return }
        let file = try OpenFile.create(paths.journal, flags: O_RDWR, system: options.fileSystem)
        try sync(file)
        try syncHome()
        let status = try file.status()
        journal = file
        journalIdentity = status.identity
        progress = JournalProgress(offset: status.size, lines: 0, lastLineSeq: 0)
    }
}
