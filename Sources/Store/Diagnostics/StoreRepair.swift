
extension Store {
    /// Repairs the store in `home`, for `tak-mcp doctor --repair`: keeps every intact transaction
    /// and record, moves what cannot be trusted into quarantine files beside the files it came
    /// from (named with the UTC time), and deletes no byte. Then the store opens again.
    ///
    /// Kept: the journal's lines that continue the chain of transactions, byte for byte; the
    /// snapshot's intact record lines when the snapshot is damaged. Set aside: damaged lines,
    /// lines after a gap, an unfinished last line. A journal that lost acknowledged transactions
    /// (the commit counter is ahead of it) has nothing to set aside: the loss is accepted and the
    /// store continues after what is there. Files from a newer release are refused
    /// (`unsupportedVersion`), untouched. Takes the exclusive lock; stop the servers first.
    public static func repair(home: String, options: StoreOptions = StoreOptions()) throws(StoreError) -> StoreRepairReport {
        guard !options.readOnly else { throw StoreError(.readOnly, "A read-only store cannot be repaired.", path: home) }
        let paths = StorePaths(home: home)
        guard try FileSystem.status(home)?.isDirectory == true else {
            throw StoreError(.invalidArgument, "\(home) is not a store folder; there is nothing to repair.", path: home)
        }
        let lock = try FileLock(path: paths.lock)
        try lock.lock(.exclusive)
        let committed = try CommitCounter.read(lock.file)
        let plan = try RepairPlan(snapshot: try OpenFile.open(paths.snapshot, flags: O_RDONLY)?.readAll(),
                                  journal: try OpenFile.open(paths.journal, flags: O_RDONLY)?.readAll(),
                                  committed: committed, paths: paths)
        var report = StoreRepairReport(home: home, plan: plan)
        do throws(StoreError) {
            if plan.changesAnything {
                report.setAside = try carryOut(plan, paths: paths, options: options)
                try CommitCounter.write(plan.state.seq, to: lock.file)
                // Announce the new files to every process that shares the home.
                ChangeCounter(lockFile: lock.file).bump()
            }
        } catch {
            lock.unlock()
            throw error
        }
        lock.unlock()
        let reopened = try Store(home: home, options: options)
        report.sequenceNumber = try reopened.sequenceNumber()
        report.recordCounts = try reopened.recordCounts()
        return report
    }

    /// Writes the quarantine files first, then the new snapshot and journal, each durable before
    /// the next step; returns what went where.
    private static func carryOut(_ plan: RepairPlan, paths: StorePaths,
                                 options: StoreOptions) throws(StoreError) -> [StoreRepairReport.SetAside] {
        let now = options.clock()
        var setAside: [StoreRepairReport.SetAside] = []
        for (path, bytes, parts) in [(paths.snapshot, plan.snapshotSetAside, plan.snapshotParts),
                                     (paths.journal, plan.journal.setAside, plan.journal.parts)] where !bytes.isEmpty {
            let kept = try Quarantine.save(bytes, from: path, at: now, fileSystem: options.fileSystem, durability: options.durability)
            setAside.append(.init(file: FileSystem.lastComponent(path), quarantineFile: kept, bytes: bytes.count, parts: parts))
        }
        if let snapshot = plan.newSnapshot { try replace(paths.snapshot, with: snapshot, via: paths.snapshotTemp, options: options) }
        if plan.rewritesJournal { try replace(paths.journal, with: plan.journal.kept, via: paths.journalTemp, options: options) }
        return setAside
    }

    /// Replaces `path` with `bytes` through the temporary file `temp`: written, fsync'd, renamed,
    /// folder fsync'd.
    private static func replace(_ path: String, with bytes: [UInt8], via temp: String, options: StoreOptions) throws(StoreError) {
        do throws(StoreError) {
            let file = try OpenFile.create(temp, flags: O_WRONLY | O_TRUNC, system: options.fileSystem)
            try file.write(bytes, at: 0)
            if options.durability == .synced { try file.sync() }
        } catch {
            _ = try? FileSystem.removeIfPresent(temp)
            throw error
        }
        try FileSystem.rename(temp, to: path)
        if options.durability == .synced { try FileSystem.syncDirectory(FileSystem.parentDirectory(of: path)) }
    }
}
