
extension StoreEngine {
    /// Appends one transaction to the journal as a single line, fsyncs it, applies it in memory and
    /// records it in the commit counter.
    ///
    /// Call with the exclusive lock held, after `catchUp()`. The line is decoded back before it is
    /// applied, so memory holds exactly what every other process will read from the file. If writing or
    /// syncing fails the line is cut off again and nothing is applied; if even that fails, the instance
    /// stops itself (the next process to take the lock drops or reads the line).
    func commit(_ operations: [StoreOperation]) throws(StoreError) {
        precondition(heldLock == .exclusive, "commit needs the exclusive lock")
        guard let journal else { preconditionFailure("commit without a journal") }
        let line = JournalCodec.encode(JournalEntry(seq: state.seq + 1, operations: operations))
        let entry: JournalEntry
        do throws(JournalLineError) {
            entry = try JournalCodec.decode(line.dropLast())
        } catch {
            throw StoreError(.invalidArgument, "The transaction could not be encoded as a journal line: \(error.reason).")
        }
        let start = progress.offset
        do throws(StoreError) {
            try append(line, at: start, to: journal)
        } catch where error.code == .simulatedCrash {
            throw error
        } catch {
            rollBack(journal, to: start, after: error)
            throw error
        }
        state.apply(entry)
        progress = JournalProgress(offset: start + line.count, lines: progress.lines + 1, lastLineSeq: entry.seq)
        recordCommitted(entry.seq)
    }

    /// Writes `line` at `offset` and syncs it, passing the fault points on the way.
    private func append(_ line: [UInt8], at offset: Int, to journal: OpenFile) throws(StoreError) {
        if options.faultInjection != nil {
            let half = line.count / 2
            try journal.write(line[..<half], at: offset)
            try checkpoint(.journalPartlyWritten)
            try journal.write(line[half...], at: offset + half)
        } else {
            try journal.write(line, at: offset)
        }
        try checkpoint(.journalWritten)
        try sync(journal, dataOnly: true)
        try checkpoint(.journalSynced)
    }

    /// Cuts the journal back to `offset` after a failed append; stops the instance if that fails too.
    private func rollBack(_ journal: OpenFile, to offset: Int, after failure: StoreError) {
        do {
            try journal.truncate(to: offset)
            try sync(journal, dataOnly: true)
        } catch {
            markUnusable("Appending to \(journal.path) failed (\(failure.message)) and the partial line could not be removed (\(error.message)).")
        }
    }
}
