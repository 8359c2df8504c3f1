
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
        guard status.size > progress.offset else { return }
        let bytes = try journal.read(at: progress.offset, count: status.size - progress.offset)
        progress = try replay(bytes, from: progress, onto: &state, of: journal)
    }

    /// Replays journal bytes read from `progress` onto `state`: decodes the whole lines, applies
    /// those after `state.seq` and deals with a torn tail (`handleTail`). Returns the progress past
    /// the whole lines. Throws before changing `state`.
    private func replay(_ bytes: [UInt8], from progress: JournalProgress, onto state: inout StoreState,
                        of file: OpenFile) throws(StoreError) -> JournalProgress {
        let scan = try JournalScanner.scan(bytes, from: progress, path: paths.journal)
        let entries = try JournalScanner.entriesToApply(scan.lines, after: progress, stateSeq: state.seq, path: paths.journal)
        let next = JournalScanner.advance(progress, by: scan)
        try handleTail(scan.tailLength, after: next, in: file)
        for entry in entries { state.apply(entry) }
        return next
    }

    /// Reads the snapshot and the whole journal afresh and, only if both are sound, replaces the
    /// in-memory state with them. Under the exclusive lock a torn last journal line is cut off.
    func reload() throws(StoreError) {
        var loaded = StoreState()
        var loadedSnapshotSize = 0
        if let snapshot = try OpenFile.open(paths.snapshot, flags: O_RDONLY) {
            let bytes = try snapshot.readAll()
            loadedSnapshotSize = bytes.count
            loaded = try SnapshotCodec.decode(bytes, path: paths.snapshot).state
        }
        var loadedProgress = JournalProgress()
        var loadedIdentity: FileIdentity?
        let file = try OpenFile.open(paths.journal, flags: O_RDWR)
        if let file {
            let status = try file.status()
            let bytes = try file.read(at: 0, count: status.size)
            loadedProgress = try replay(bytes, from: loadedProgress, onto: &loaded, of: file)
            loadedIdentity = status.identity
        }
        state = loaded
        snapshotSize = loadedSnapshotSize
        compactionNotBefore = 0
        journal = file
        journalIdentity = loadedIdentity
        progress = loadedProgress
    }

    /// Cuts off a torn last line (with a warning) when holding the exclusive lock; otherwise leaves it,
    /// since it may be a line another process is still appending.
    private func handleTail(_ tailLength: Int, after progress: JournalProgress, in file: OpenFile) throws(StoreError) {
        let decision = JournalScanner.tailDecision(tailLength: tailLength, at: progress.offset,
                                                   holdsExclusiveLock: heldLock == .exclusive)
        guard case .dropTorn(let offset, let length) = decision else { return }
        options.log("tak-store warning: dropped an incomplete last line of \(file.path) (\(length) bytes at byte offset \(offset)), "
            + "left by a write that was interrupted before it was acknowledged; no acknowledged data was lost.")
        try file.truncate(to: offset)
        try sync(file, dataOnly: true)
    }

    /// Creates an empty journal if there is none (exclusive lock held), warning if a snapshot exists,
    /// since then the journal was removed by hand.
    func createJournalIfMissing() throws(StoreError) {
        guard journal == nil else { return }
        let file = try OpenFile.create(paths.journal, flags: O_RDWR)
        try sync(file)
        try syncHome()
        if state.seq > 0 {
            options.log("tak-store warning: \(paths.journal) was missing; started an empty journal after transaction \(state.seq) "
                + "of \(paths.snapshot). If it was not removed on purpose, later transactions are lost: restore it from a backup.")
        }
        let status = try file.status()
        journal = file
        journalIdentity = status.identity
        progress = JournalProgress(offset: status.size, lines: 0, lastLineSeq: 0)
    }
}
