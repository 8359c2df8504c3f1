/// A piece of a store file that a repair sets aside: where it was and why it cannot be kept.
public struct SetAsidePart: Sendable, Equatable {
    /// The 1-based line number in the file.
    public var lineNumber: Int
    /// The byte offset of its first byte.
    public var offset: Int
    /// How many bytes it has, its newline included.
    public var length: Int
    /// Why it cannot be kept, in words.
    public var reason: String
}

/// What a repair keeps of a journal and what it sets aside (pure).
///
/// Kept: every line that decodes and continues the chain of sequence numbers (blank lines too),
/// byte for byte. Set aside: lines that are not transactions, repeats, lines after a gap (they
/// build on a transaction that is gone), and an unfinished last line (never acknowledged).
struct JournalSalvage {
    /// The kept bytes, in order: the new journal.
    var kept: [UInt8] = []
    /// The set-aside bytes, in order: the quarantine file.
    var setAside: [UInt8] = []
    /// What was set aside, line by line.
    var parts: [SetAsidePart] = []
    /// How many transactions were kept.
    var keptTransactions = 0
    /// The transactions to apply after the snapshot's sequence number, in order.
    var entries: [JournalEntry] = []

    /// The sequence number of the first line that decodes, if any: where a journal starts when the
    /// snapshot cannot say.
    static func firstSequenceNumber(in bytes: [UInt8]) -> Int64? {
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            if let entry = try? JournalCodec.decode(line) { return entry.seq }
        }
        return nil
    }

    /// Sorts the lines of `bytes` (the journal at `path`) into kept and set aside, given that the
    /// snapshot holds transactions through `snapshotSeq`. Throws `unsupportedVersion` for a line
    /// from a newer release: that is no damage, and nothing is set aside.
    init(_ bytes: [UInt8], snapshotSeq: Int64, path: String) throws(StoreError) {
        var lastKept: Int64?
        var applied = snapshotSeq
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline.map { $0 + 1 } ?? bytes.count
            let line = bytes[start..<end]
            let content = newline.map { bytes[start..<$0] } ?? line
            let verdict = Self.verdict(content, isWhole: newline != nil, lastKept: lastKept, snapshotSeq: snapshotSeq)
            switch verdict {
            case .keep(let entry?):
                kept += line
                keptTransactions += 1
                lastKept = entry.seq
                if entry.seq > applied {
                    entries.append(entry)
                    applied = entry.seq
                }
            case .keep(nil):
                kept += line
            case .setAside(let reason):
                setAside += line
                parts.append(SetAsidePart(lineNumber: lineNumber, offset: start, length: line.count, reason: reason))
            case .newer(let version):
                throw StoreError(.unsupportedVersion, "Line \(lineNumber) of " + Remedy.newerVersion(path, version: version), path: path)
            }
            start = end
        }
    }

    /// What to do with one line.
    private enum Verdict {
        /// Keep it; the transaction it holds, or nil for a blank line.
        case keep(JournalEntry?)
        /// Set it aside, for this reason.
        case setAside(String)
        /// Stop: it was written by a newer release.
        case newer(Int64)
    }

    /// The verdict on the line `content` (without its newline).
    private static func verdict(_ content: ArraySlice<UInt8>, isWhole: Bool, lastKept: Int64?, snapshotSeq: Int64) -> Verdict {
        if content.isEmpty, isWhole { return .keep(nil) }
        let entry: JournalEntry
        do throws(JournalLineError) {
            entry = try JournalCodec.decode(content)
        } catch {
            if let version = error.newerVersion { return .newer(version) }
            return .setAside(isWhole ? "not a transaction: \(error.reason)" : "an incomplete last line, never acknowledged")
        }
        guard isWhole else { return .setAside("an incomplete last line (transaction \(entry.seq)), never acknowledged") }
        let expected = lastKept.map { $0 + 1 } ?? min(entry.seq, snapshotSeq + 1)
        if entry.seq == expected { return .keep(entry) }
        if entry.seq < expected { return .setAside("transaction \(entry.seq) again, or out of order (expected \(expected))") }
        return .setAside("transaction \(entry.seq) after a gap: transactions \(expected) to \(entry.seq - 1) are gone, and it builds on them")
    }
}
