
/// What a repair will write, worked out from the files' bytes before anything is touched (pure).
struct RepairPlan {
    /// The snapshot's records and sequence number, as the new snapshot will hold them.
    var snapshotState = StoreState()
    /// The whole state after the kept journal lines.
    var state = StoreState()
    /// The new snapshot's bytes, or nil to leave the snapshot as it is.
    var newSnapshot: [UInt8]?
    /// What is set aside of the snapshot.
    var snapshotSetAside: [UInt8] = []
    /// The snapshot's set-aside lines.
    var snapshotParts: [SetAsidePart] = []
    /// How many snapshot records were kept, when the snapshot was salvaged.
    var keptSnapshotRecords: Int?
    /// What is kept of the journal, and what is set aside.
    var journal: JournalSalvage
    /// Acknowledged transactions the files no longer hold, accepted as lost.
    var acceptedLoss: ClosedRange<Int64>?
    /// Facts worth telling, in words.
    var notes: [String] = []

    /// Whether the journal must be rewritten.
    var rewritesJournal: Bool { !journal.setAside.isEmpty }
    /// Whether the repair changes anything at all.
    var changesAnything: Bool { newSnapshot != nil || rewritesJournal || acceptedLoss != nil }

    /// The plan for a home whose snapshot and journal hold `snapshot` and `journal` (nil when
    /// missing) and whose commit counter says `committed`. Throws `unsupportedVersion` for files
    /// from a newer release, which a repair must not touch.
    init(snapshot: [UInt8]?, journal journalBytes: [UInt8]?, committed: Int64?, paths: StorePaths) throws(StoreError) {
        var headerKnown = snapshot != nil
        if let snapshot {
            do throws(StoreError) {
                snapshotState = try SnapshotCodec.decode(snapshot, path: paths.snapshot).state
            } catch where error.code == .unsupportedVersion {
                throw error
            } catch {
                let salvage = SnapshotSalvage(snapshot)
                snapshotState = StoreState(seq: salvage.seq ?? 0, collections: salvage.collections)
                snapshotSetAside = salvage.setAside
                snapshotParts = salvage.parts
                keptSnapshotRecords = salvage.keptRecords
                headerKnown = salvage.seq != nil
                newSnapshot = []
            }
        }
        if !headerKnown {
            let first = JournalSalvage.firstSequenceNumber(in: journalBytes ?? [])
            let start = first.map { $0 - 1 } ?? committed ?? 0
            if start > snapshotState.seq {
                snapshotState.seq = start
                newSnapshot = []
                notes.append(snapshot == nil
                    ? "\(StoreFormat.snapshotFile) was missing while the journal starts after transaction \(start): whatever the "
                        + "snapshot held is gone; restore it from a backup if you have one (it was never deleted by tak-mcp)."
                    : "the first line of \(StoreFormat.snapshotFile) was damaged; it is taken to hold transactions through \(start).")
            }
        }
        journal = try JournalSalvage(journalBytes ?? [], snapshotSeq: snapshotState.seq, path: paths.journal)
        state = snapshotState
        for entry in journal.entries { state.apply(entry) }
        if let committed, committed > state.seq { acceptedLoss = (state.seq + 1)...committed }
        if newSnapshot != nil { newSnapshot = SnapshotCodec.encode(snapshotState) }
    }
}
