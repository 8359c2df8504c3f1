
/// The errors for damage that only the commit counter reveals, with what to do about it.
enum StoreDamage {
    /// The error for files that hold transactions only through `seq` while the commit counter
    /// says `committed` were acknowledged: the journal was emptied, cut short, removed or replaced
    /// by an older copy. `corruptData`, with the missing range.
    static func missingTransactions(_ paths: StorePaths, through seq: Int64, committed: Int64,
                                    journalExists: Bool, tailLength: Int) -> StoreError {
        let count = committed - seq
        let what = !journalExists
            ? "\(paths.journal) is missing, and the files hold transactions only through \(seq)"
            : tailLength > 0
                ? "\(paths.journal) ends in the middle of a line (\(tailLength) bytes) after transaction \(seq)"
                : "\(paths.journal) ends at transaction \(seq)"
        let range = count == 1 ? "transaction \(committed) is" : "transactions \(seq + 1) to \(committed) are"
        return StoreError(.corruptData,
                          "\(what), but the store had acknowledged transactions through \(committed) (the commit counter in "
                              + "\(StoreFormat.lockFile)): \(count) acknowledged \(count == 1 ? "transaction is" : "transactions are") missing "
                              + "(\(range) gone); the journal was shortened or replaced after they were written. "
                              + Remedy.missingTransactions(paths.journal, keeping: seq),
                          path: paths.journal, missingTransactions: (seq + 1)...committed)
    }
}
