/// A journal line that was read and decoded, with where it was found.
struct ScannedLine: Equatable {
    /// The transaction on the line.
    var entry: JournalEntry
    /// The 1-based line number in the journal file.
    var lineNumber: Int
    /// The byte offset of the line's first byte in the journal file.
    var offset: Int
}

/// What a run of journal bytes holds: whole lines, and possibly an unfinished last line.
struct JournalScan: Equatable {
    /// The decoded lines, in order; blank lines are skipped.
    var lines: [ScannedLine] = []
    /// How many bytes the whole lines take, through the last newline.
    var consumedBytes = 0
    /// How many newlines were consumed (line numbers advance by this much).
    var consumedLines = 0
    /// How many bytes follow the last newline: a line still being appended, or torn by a crash.
    var tailLength = 0
}

/// How far a process has read one journal file.
struct JournalProgress: Equatable, Sendable {
    /// The offset just past the last whole line read.
    var offset = 0
    /// How many lines have been read.
    var lines = 0
    /// The sequence number of the last line read, 0 if none.
    var lastLineSeq: Int64 = 0
}

/// What to do with bytes after the last newline of the journal.
enum TailDecision: Equatable {
    /// There are none.
    case none
    /// Leave them: without the exclusive lock they may be a line another process is still appending.
    case leave
    /// Under the exclusive lock nobody is appending, so they are a line torn by a crash: it was never
    /// acknowledged; warn and cut it off before the next append.
    case dropTorn(offset: Int, length: Int)
}

/// Reading the journal and deciding what to apply (pure functions).
enum JournalScanner {
    /// Splits `bytes`, which start at `progress.offset` of the journal at `path`, into decoded lines.
    /// A damaged whole line throws `corruptData` (or `unsupportedVersion`) naming the line and offset.
    static func scan(_ bytes: [UInt8], from progress: JournalProgress, path: String) throws(StoreError) -> JournalScan {
        var scan = JournalScan()
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let lineNumber = progress.lines + scan.consumedLines + 1
            let offset = progress.offset + start
            if newline > start {
                do throws(JournalLineError) {
                    let entry = try JournalCodec.decode(bytes[start..<newline])
                    scan.lines.append(ScannedLine(entry: entry, lineNumber: lineNumber, offset: offset))
                } catch {
                    throw damaged(path, lineNumber: lineNumber, offset: offset, error)
                }
            }
            scan.consumedLines += 1
            start = newline + 1
        }
        scan.consumedBytes = start
        scan.tailLength = bytes.count - start
        return scan
    }

    /// The entries among `lines` that follow `stateSeq`, checking that sequence numbers within the file
    /// rise by one from `progress.lastLineSeq` and that none are missing after `stateSeq`.
    ///
    /// Lines at or below `stateSeq` are skipped: they are already in the snapshot (a crash between
    /// writing a snapshot and resetting the journal leaves them behind).
    static func entriesToApply(_ lines: [ScannedLine], after progress: JournalProgress, stateSeq: Int64,
                               path: String) throws(StoreError) -> [JournalEntry] {
        var lastLineSeq = progress.lastLineSeq
        var seq = stateSeq
        var result: [JournalEntry] = []
        for line in lines {
            let lineSeq = line.entry.seq
            if lastLineSeq != 0, lineSeq != lastLineSeq + 1 {
                throw StoreError(.corruptData,
                                 "\(path) line \(line.lineNumber) (byte offset \(line.offset)) has sequence number \(lineSeq) after \(lastLineSeq); "
                                     + "lines are out of order or missing. " + Remedy.damagedFile(path),
                                 path: path)
            }
            lastLineSeq = lineSeq
            if lineSeq <= seq { continue }
            guard lineSeq == seq + 1 else {
                throw StoreError(.corruptData,
                                 "\(path) line \(line.lineNumber) (byte offset \(line.offset)) has sequence number \(lineSeq), but the store holds "
                                     + "transactions only up to \(seq): transactions \(seq + 1) to \(lineSeq - 1) are missing "
                                     + "(was \(StoreFormat.snapshotFile) replaced by an older copy?). " + Remedy.damagedFile(path),
                                 path: path)
            }
            result.append(line.entry)
            seq = lineSeq
        }
        return result
    }

    /// What to do with `tailLength` bytes after the last newline at `offset`.
    static func tailDecision(tailLength: Int, at offset: Int, holdsExclusiveLock: Bool) -> TailDecision {
        if tailLength == 0 { return .none }
        return holdsExclusiveLock ? .dropTorn(offset: offset, length: tailLength) : .leave
    }

    /// The progress after `scan`, read from `progress`.
    static func advance(_ progress: JournalProgress, by scan: JournalScan) -> JournalProgress {
        JournalProgress(offset: progress.offset + scan.consumedBytes, lines: progress.lines + scan.consumedLines,
                        lastLineSeq: scan.lines.last?.entry.seq ?? progress.lastLineSeq)
    }

    /// The error for a whole line that cannot be read.
    private static func damaged(_ path: String, lineNumber: Int, offset: Int, _ error: JournalLineError) -> StoreError {
        if let version = error.newerVersion {
            return StoreError(.unsupportedVersion, "Line \(lineNumber) of " + Remedy.newerVersion(path, version: version), path: path)
        }
        return StoreError(.corruptData,
                          "\(path) line \(lineNumber) (byte offset \(offset)) is damaged: \(error.reason). "
                              + "Everything before it (the first \(offset) bytes) is intact. " + Remedy.damagedFile(path),
                          path: path)
    }
}
