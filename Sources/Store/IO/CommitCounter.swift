
/// How far the store had committed, kept where damage to the journal cannot erase it: bytes 8 to
/// 15 of the lock file (little-endian), beside the change counter, hold the sequence number of
/// the last acknowledged transaction.
///
/// Written after a commit's journal line is fsync'd and before it is acknowledged, under the
/// exclusive lock, so it never runs ahead of what the files hold durably: a journal that ends
/// before it has lost acknowledged writes (emptied, cut short, replaced by an older copy), while
/// a journal past it holds only lines whose writer stopped before acknowledging them. The word
/// itself is not fsync'd: after a power loss it may lag, which can hide damage but never invent
/// it. A lock file too short to hold it (made by an older release) means "unknown".
enum CommitCounter {
    /// Where the word starts in the lock file.
    static let offset = 8

    /// The last acknowledged sequence number, or nil when the lock file does not hold one.
    static func read(_ lockFile: OpenFile) throws(StoreError) -> Int64? {
        let bytes = try lockFile.read(at: offset, count: 8)
        guard bytes.count == 8 else { return nil }
        let value = bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(as: Int64.self)) }
        return value >= 0 ? value : nil
    }

    /// Records `seq` as the last acknowledged sequence number. Call with the exclusive lock held.
    static func write(_ seq: Int64, to lockFile: OpenFile) throws(StoreError) {
        try lockFile.write(withUnsafeBytes(of: seq.littleEndian) { Array($0) }, at: offset)
    }
}
