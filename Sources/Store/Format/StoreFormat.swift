/// The names and version numbers of the files in a store's home folder.
enum StoreFormat {
    /// The `format` member of every snapshot.
    static let name = "tak-store"
    /// The snapshot and journal version this build writes and the newest it reads.
    static let version: Int64 = 1
    /// The snapshot: every record as of a sequence number.
    static let snapshotFile = "snapshot.json"
    /// The journal: one JSON line per transaction committed after the snapshot.
    static let journalFile = "journal.jsonl"
    /// The lock file that serialises writers across processes.
    static let lockFile = "store.lock"
    /// Where a new snapshot is written before it replaces the old one.
    static let snapshotTempFile = "snapshot.json.tmp"
    /// Where a new, empty journal is made before it replaces the old one.
    static let journalTempFile = "journal.jsonl.tmp"
}

/// The paths of a store's files.
struct StorePaths: Sendable {
    /// The home folder.
    let home: String
    /// The snapshot.
    let snapshot: String
    /// The journal.
    let journal: String
    /// The lock file.
    let lock: String
    /// The snapshot being written.
    let snapshotTemp: String
    /// The journal being made.
    let journalTemp: String

    /// The paths inside `home`.
    init(home: String) {
        self.home = home
        snapshot = FileSystem.join(home, StoreFormat.snapshotFile)
        journal = FileSystem.join(home, StoreFormat.journalFile)
        lock = FileSystem.join(home, StoreFormat.lockFile)
        snapshotTemp = FileSystem.join(home, StoreFormat.snapshotTempFile)
        journalTemp = FileSystem.join(home, StoreFormat.journalTempFile)
    }
}

/// The words that end every message about a damaged file.
enum Remedy {
    /// What to do about a damaged file that the store refused to touch.
    static func damagedFile(_ path: String) -> String {
        "The store left the file untouched. Stop every tak-mcp using this folder, then run `tak-mcp doctor --repair`: "
            + "it keeps every intact transaction and moves the rest of \(path) into a quarantine file beside it, deleting nothing "
            + "(or restore the file from a backup); `tak-mcp doctor` reports what it finds."
    }

    /// What to do about a journal that lost acknowledged transactions.
    static func missingTransactions(_ path: String, keeping seq: Int64) -> String {
        "The store left the files untouched. Stop every tak-mcp using this folder and restore \(path) from a backup if you have one; "
            + "otherwise run `tak-mcp doctor --repair` to accept the loss and continue after transaction \(seq)."
    }

    /// What to do about a file written by a newer release.
    static func newerVersion(_ path: String, version: Int64) -> String {
        "\(path) uses format version \(version), but this build of tak-mcp reads only version \(StoreFormat.version) "
            + "and older: it was written by a newer tak-mcp. Upgrade tak-mcp to use this store; the file was left untouched."
    }
}
