
extension StoreEngine {
    /// Writes every record into a new snapshot and starts an empty journal.
    ///
    /// Call with the exclusive lock held, after `catchUp()`. Steps, each durable before the next:
    /// the snapshot goes to a temporary file (fsync), replaces the old one by `rename` (folder fsync);
    /// then an empty journal is made under a temporary name (fsync) and replaces the old journal by
    /// `rename` (folder fsync). A crash between the steps is harmless: journal lines at or below the
    /// snapshot's sequence number are skipped when loading, and other processes notice the new journal
    /// file and reload.
    func compact() throws(StoreError) {
        precondition(heldLock == .exclusive, "compaction needs the exclusive lock")
        let bytes = SnapshotCodec.encode(state)
        try verify(bytes)
        do throws(StoreError) {
            let temp = try OpenFile.create(paths.snapshotTemp, flags: O_WRONLY | O_TRUNC, system: options.fileSystem)
            try temp.write(bytes, at: 0)
            try sync(temp)
        } catch {
            if error.code != .simulatedCrash { _ = try? FileSystem.removeIfPresent(paths.snapshotTemp) }
            throw error
        }
        try checkpoint(.snapshotTempWritten)
        try FileSystem.rename(paths.snapshotTemp, to: paths.snapshot)
        try checkpoint(.snapshotRenamed)
        try syncHome()
        snapshotSize = bytes.count

        let fresh = try OpenFile.create(paths.journalTemp, flags: O_RDWR | O_TRUNC, system: options.fileSystem)
        try sync(fresh)
        try checkpoint(.journalTempCreated)
        try FileSystem.rename(paths.journalTemp, to: paths.journal)
        try checkpoint(.journalReplaced)
        try syncHome()
        let identity = try fresh.status().identity
        journal = fresh
        journalIdentity = identity
        progress = JournalProgress()
        compactionNotBefore = 0
    }

    /// Reads the new snapshot back before it may replace anything: same sequence number, same counts.
    /// A mismatch would be a bug in the encoder; the journal still holds everything, so stop here.
    private func verify(_ bytes: [UInt8]) throws(StoreError) {
        let problem: String?
        do throws(StoreError) {
            let decoded = try SnapshotCodec.decode(bytes, path: paths.snapshotTemp)
            let same = decoded.state.seq == state.seq && decoded.state.recordCounts == state.recordCounts
            problem = same ? nil : "its sequence number or record counts differ"
        } catch {
            problem = error.message
        }
        if let problem {
            throw StoreError(.corruptData, "Compaction stopped before replacing anything: the new snapshot did not read back as written "
                + "(\(problem)). \(paths.journal) still holds every record; please report this as a bug.", path: paths.home)
        }
    }

    /// The journal size past which compaction pays off: larger than both the threshold and the snapshot.
    var compactionLimit: Int { max(options.compactionThreshold, snapshotSize) }

    /// Whether the journal has outgrown `compactionLimit` (and any back-off after a failed attempt).
    var compactionIsDue: Bool { progress.offset > compactionLimit && progress.offset >= compactionNotBefore }

    /// Compacts if due after a commit. The commit is already durable, so a failure here is only logged,
    /// and the next attempt waits until another quarter of `compactionLimit` was appended; a simulated
    /// crash is passed on.
    func compactIfDue() throws(StoreError) {
        guard compactionIsDue else { return }
        do throws(StoreError) {
            try compact()
        } catch where error.code == .simulatedCrash {
            throw error
        } catch {
            compactionNotBefore = progress.offset + compactionLimit / 4
            options.log("tak-store warning: compaction of \(paths.home) failed; it will be tried again later: \(error.message)")
        }
    }
}
