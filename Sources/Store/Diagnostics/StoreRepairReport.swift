
/// What `Store.repair(home:options:)` kept, set aside and accepted, for `tak-mcp doctor --repair`.
public struct StoreRepairReport: Sendable, CustomStringConvertible {
    /// The bytes of one file moved into a quarantine file.
    public struct SetAside: Sendable, Equatable {
        /// The file they came from: `journal.jsonl` or `snapshot.json`.
        public var file: String
        /// The quarantine file that holds them, byte for byte, in their order.
        public var quarantineFile: String
        /// How many bytes.
        public var bytes: Int
        /// Which lines, and why.
        public var parts: [SetAsidePart]
    }

    /// The folder repaired.
    public var home: String
    /// Whether anything was changed; false when the store needed no repair.
    public var changedAnything: Bool
    /// How many transactions of the journal were kept.
    public var keptTransactions: Int
    /// How many records of a damaged snapshot were kept; nil when the snapshot needed no repair.
    public var keptSnapshotRecords: Int?
    /// What was moved into quarantine files.
    public var setAside: [SetAside] = []
    /// Acknowledged transactions that the files no longer held, accepted as lost.
    public var acceptedLoss: ClosedRange<Int64>?
    /// Other facts, in words.
    public var notes: [String]
    /// The last transaction after the repair, as the reopened store has it.
    public var sequenceNumber: Int64 = 0
    /// The records per collection after the repair, as the reopened store has them.
    public var recordCounts: [String: Int] = [:]

    /// The report of `plan`, before it is carried out.
    init(home: String, plan: RepairPlan) {
        self.home = home
        changedAnything = plan.changesAnything
        keptTransactions = plan.journal.keptTransactions
        keptSnapshotRecords = plan.keptSnapshotRecords
        acceptedLoss = plan.acceptedLoss
        notes = plan.notes
    }

    /// The report in plain words: what was kept, what was set aside where and why, what was lost.
    public var description: String {
        var lines = [changedAnything ? "Repaired the store at \(home):" : "The store at \(home) needs no repair; nothing was changed."]
        var kept = "  kept: \(keptTransactions) \(keptTransactions == 1 ? "transaction" : "transactions") of journal.jsonl"
        if let keptSnapshotRecords { kept += " and \(keptSnapshotRecords) intact records of the damaged snapshot.json" }
        lines.append(kept)
        for part in setAside {
            lines.append("  set aside: \(part.bytes) bytes of \(part.file) (\(part.parts.count) \(part.parts.count == 1 ? "line" : "lines")) "
                + "into \(part.quarantineFile), byte for byte:")
            for line in part.parts.prefix(20) {
                lines.append("    line \(line.lineNumber) (byte offset \(line.offset), \(line.length) bytes): \(line.reason)")
            }
            if part.parts.count > 20 { lines.append("    … and \(part.parts.count - 20) more lines") }
        }
        if let acceptedLoss {
            let count = acceptedLoss.count
            lines.append("  not kept: \(count) acknowledged \(count == 1 ? "transaction" : "transactions") (\(acceptedLoss.lowerBound) to "
                + "\(acceptedLoss.upperBound)): those set aside above, and any the files had lost; the store continues after "
                + "transaction \(acceptedLoss.lowerBound - 1). Restore journal.jsonl from a backup if you have one.")
        }
        for note in notes { lines.append("  note: " + note) }
        let counts = recordCounts.isEmpty ? "none" : recordCounts.keys.sorted().map { "\($0) \(recordCounts[$0]!)" }.joined(separator: ", ")
        lines.append("  records now: \(counts) (as of transaction \(sequenceNumber))")
        if changedAnything { lines.append("  Nothing was deleted: what was not kept is in the quarantine files above.") }
        return lines.joined(separator: "\n")
    }
}
