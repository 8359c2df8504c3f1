
extension Store {
    /// Inspects the store in `home` without changing anything, for `tak-mcp doctor`.
    ///
    /// Reports whether the folder exists and is writable, whether the lock can be taken (and whether
    /// another process holds it right now), whether each file parses, their format versions, the record
    /// count per collection and the journal size, whether the files hold every acknowledged
    /// transaction (the commit counter), and quarantine files, with what to do about each problem.
    public static func check(home: String) -> StoreDiagnostics {
        var report = StoreDiagnostics(home: home)
        let paths = StorePaths(home: home)
        guard checkFolder(paths, into: &report) else { return report }
        let lock = probeLock(paths, into: &report)
        defer { if lock != nil { lock?.unlockForCheck() } }
        if let file = lock ?? (try? OpenFile.open(paths.lock, flags: O_RDONLY)) ?? nil {
            report.committedTransactions = (try? CommitCounter.read(file)) ?? nil
        }
        let snapshot = checkSnapshot(paths, into: &report)
        checkJournal(paths, snapshot: snapshot, into: &report)
        for temp in [paths.snapshotTemp, paths.journalTemp] where (try? FileSystem.status(temp)) ?? nil != nil {
            report.findings.append(.init(.note, FileSystem.lastComponent(temp),
                                         "left over from an interrupted compaction; harmless, removed at the next start"))
        }
        for name in quarantineFiles(paths) {
            report.findings.append(.init(.note, name, "bytes set aside from the store (a torn line, or what a repair could not keep)",
                                         remedy: "Keep it until you are sure nothing in it is needed; the store never reads it."))
        }
        return report
    }

    /// The names of the quarantine files in the home, sorted.
    static func quarantineFiles(_ paths: StorePaths) -> [String] {
        guard let folder = opendir(paths.home) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if Quarantine.isQuarantineFile(name) { names.append(name) }
        }
        return names.sorted()
    }

    /// Checks the folder itself; returns whether it exists (so the files are worth checking).
    private static func checkFolder(_ paths: StorePaths, into report: inout StoreDiagnostics) -> Bool {
        let subject = "home folder"
        let status: FileStatus?
        do throws(StoreError) {
            status = try FileSystem.status(paths.home)
        } catch {
            report.findings.append(.init(.problem, subject, error.message))
            return false
        }
        guard let status else {
            let parent = FileSystem.parentDirectory(of: paths.home)
            if FileSystem.isWritable(parent) || (try? FileSystem.status(parent)) ?? nil == nil {
                report.findings.append(.init(.note, subject, "does not exist yet; it will be created (mode 0700) at the first start"))
            } else {
                report.findings.append(.init(.problem, subject, "does not exist, and \(parent) is not writable by this user",
                                             remedy: "Create \(paths.home) (mkdir -m 700) or choose a writable store folder."))
            }
            return false
        }
        report.homeExists = true
        guard status.isDirectory else {
            report.findings.append(.init(.problem, subject, "is a file, not a folder",
                                         remedy: "Move that file away or choose another store folder."))
            return false
        }
        report.homeWritable = FileSystem.isWritable(paths.home)
        let mode = status.mode & 0o777
        if !report.homeWritable {
            report.findings.append(.init(.problem, subject, "is not writable by this user",
                                         remedy: "Give the user running tak-mcp ownership of \(paths.home) (chown) or choose another folder."))
        } else if mode & 0o077 != 0 {
            report.findings.append(.init(.warning, subject, "is writable, but other users may access it (mode \(octal(mode)))",
                                         remedy: "Run chmod 700 \(paths.home): the store may hold private data."))
        } else {
            report.findings.append(.init(.ok, subject, "exists, is writable, mode \(octal(mode))"))
        }
        return true
    }

    /// Tries the lock without waiting, reports what it saw, then waits briefly for a shared hold so the
    /// files are read while nobody writes. Returns the lock file if it holds the shared lock.
    private static func probeLock(_ paths: StorePaths, into report: inout StoreDiagnostics) -> OpenFile? {
        let subject = StoreFormat.lockFile
        let file: OpenFile?
        do throws(StoreError) {
            file = try OpenFile.open(paths.lock, flags: O_RDONLY)
        } catch {
            report.findings.append(.init(.problem, subject, error.message))
            return nil
        }
        guard let file else {
            report.findings.append(.init(.note, subject, "does not exist yet; it will be created at the first start"))
            return nil
        }
        do throws(StoreError) {
            if try FileLock.tryLock(descriptor: file.descriptor, .exclusive, path: file.path) {
                report.lockHeldByAnotherProcess = false
                report.findings.append(.init(.ok, subject, "can be taken; no other process is using the store at this moment"))
            } else {
                report.lockHeldByAnotherProcess = true
                report.findings.append(.init(.note, subject,
                                             "another process (a running tak-mcp) holds it at this moment; that is normal while a server runs"))
            }
            for _ in 0..<200 {
                if try FileLock.tryLock(descriptor: file.descriptor, .shared, path: file.path) { return file }
                usleep(10_000)
            }
            report.findings.append(.init(.warning, subject, "stayed locked for 2 seconds; the files were read while another process may be writing",
                                         remedy: "If no tak-mcp is running, check for a hung process holding \(paths.lock) (fuser \(paths.lock))."))
        } catch {
            report.findings.append(.init(.problem, subject, error.message))
        }
        return nil
    }

    /// Reads and decodes the snapshot; returns its contents if it is sound or absent (empty state).
    private static func checkSnapshot(_ paths: StorePaths, into report: inout StoreDiagnostics) -> StoreState? {
        let subject = StoreFormat.snapshotFile
        do throws(StoreError) {
            guard let file = try OpenFile.open(paths.snapshot, flags: O_RDONLY) else {
                report.findings.append(.init(.note, subject, "none yet; one is written when the journal is first compacted"))
                return StoreState()
            }
            let bytes = try file.readAll()
            report.snapshotBytes = bytes.count
            let contents = try SnapshotCodec.decode(bytes, path: paths.snapshot)
            report.snapshotVersion = contents.version
            report.findings.append(.init(.ok, subject, "format \(StoreFormat.name) version \(contents.version), "
                                             + "transaction \(contents.state.seq), \(bytes.count) bytes"))
            return contents.state
        } catch {
            report.findings.append(.init(.problem, subject, error.message))
            return nil
        }
    }

    /// Reads, decodes and replays the journal over `snapshot`, filling in counts if all is sound.
    private static func checkJournal(_ paths: StorePaths, snapshot: StoreState?, into report: inout StoreDiagnostics) {
        let subject = StoreFormat.journalFile
        do throws(StoreError) {
            guard let file = try OpenFile.open(paths.journal, flags: O_RDONLY) else {
                report.journalBytes = 0
                if let state = snapshot, let missing = missing(paths, state.seq, report, journalExists: false, tailLength: 0) {
                    report.findings.append(.init(.problem, subject, missing.message))
                    return
                }
                let unknown = snapshot?.seq ?? 0 > 0 && report.committedTransactions == nil
                report.findings.append(.init(unknown ? .warning : .note, subject,
                                             "none yet; an empty one is created at the next start",
                                             remedy: unknown
                                                 ? "A snapshot exists, so the journal was removed: restore it from a backup if it was not removed on purpose."
                                                 : nil))
                if var state = snapshot { finish(&state, into: &report) }
                return
            }
            let bytes = try file.readAll()
            report.journalBytes = bytes.count
            let scan = try JournalScanner.scan(bytes, from: JournalProgress(), path: paths.journal)
            report.journalLines = scan.consumedLines
            var detail = "format version \(StoreFormat.version), \(scan.consumedLines) \(scan.consumedLines == 1 ? "line" : "lines"), \(bytes.count) bytes"
            if let first = scan.lines.first, let last = scan.lines.last {
                detail += ", transactions \(first.entry.seq) to \(last.entry.seq)"
            }
            guard var state = snapshot else {
                report.findings.append(.init(.note, subject, detail + "; not replayed because the snapshot is unreadable"))
                return
            }
            let entries = try JournalScanner.entriesToApply(scan.lines, after: JournalProgress(), stateSeq: state.seq,
                                                            path: paths.journal)
            for entry in entries { state.apply(entry) }
            if let missing = missing(paths, state.seq, report, journalExists: true, tailLength: scan.tailLength) {
                report.findings.append(.init(.problem, subject, detail + ". " + missing.message))
                return
            }
            if scan.tailLength > 0 {
                report.findings.append(.init(.warning, subject,
                                             detail + "; it ends with an incomplete line (\(scan.tailLength) bytes) from an interrupted write",
                                             remedy: "Nothing to do: that write was never acknowledged, and the next start drops the line."))
            } else {
                report.findings.append(.init(.ok, subject, detail))
            }
            finish(&state, into: &report)
        } catch {
            report.findings.append(.init(.problem, subject, error.message))
        }
    }

    /// The damage if the files hold fewer transactions (`seq`) than the commit counter says were
    /// acknowledged; nil when they hold them all or the counter is unknown.
    private static func missing(_ paths: StorePaths, _ seq: Int64, _ report: StoreDiagnostics, journalExists: Bool,
                                tailLength: Int) -> StoreError? {
        guard let committed = report.committedTransactions, committed > seq else { return nil }
        return StoreDamage.missingTransactions(paths, through: seq, committed: committed, journalExists: journalExists,
                                               tailLength: tailLength)
    }

    /// Records the counts of a fully read store.
    private static func finish(_ state: inout StoreState, into report: inout StoreDiagnostics) {
        report.sequenceNumber = state.seq
        report.recordCounts = state.recordCounts
    }

    /// `mode` as octal digits.
    private static func octal(_ mode: UInt32) -> String { "0" + String(mode, radix: 8) }
}

extension OpenFile {
    /// Releases a lock taken by `Store.check`.
    func unlockForCheck() { _ = flock(descriptor, LOCK_UN) }
}

extension FileSystem {
    /// The file name at the end of `path`.
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
