
/// How a store is opened: where warnings go, when to compact, how hard to sync, whether it may
/// write at all, the file system and clock it uses, and test hooks.
public struct StoreOptions: Sendable {
    /// Receives warnings, such as a dropped torn journal line; the server sends them to stderr.
    public var log: @Sendable (String) -> Void
    /// Compaction runs after a commit once the journal is larger than both this many bytes and the
    /// snapshot. Default 4 MiB.
    public var compactionThreshold: Int
    /// Whether commits wait for the disk. Keep the default.
    public var durability: Durability
    /// Opens the home without writing anything, ever: the files are opened read-only, loaded under
    /// a shared lock (none if there is no lock file), and every change is refused with `readOnly`.
    /// For a home this user may only read. Default false.
    public var readOnly: Bool
    /// The calls that write and sync the store's files; `.system` except in tests.
    public var fileSystem: StoreFileSystem
    /// The time in whole seconds since 1970, UTC: it names quarantine files.
    public var clock: @Sendable () -> Int64
    /// Test hook called at named points of a commit or a compaction; nil in production.
    public var faultInjection: (@Sendable (StoreFaultPoint) -> StoreFaultAction)?

    /// The defaults: warnings to stderr, 4 MiB threshold, fsync on every commit, read-write, the
    /// system's file calls and clock, no hooks.
    public init(log: @escaping @Sendable (String) -> Void = StoreOptions.logToStandardError,
                compactionThreshold: Int = 4 << 20,
                durability: Durability = .synced,
                readOnly: Bool = false,
                fileSystem: StoreFileSystem = .system,
                clock: @escaping @Sendable () -> Int64 = { Int64(time(nil)) },
                faultInjection: (@Sendable (StoreFaultPoint) -> StoreFaultAction)? = nil) {
        self.log = log
        self.compactionThreshold = compactionThreshold
        self.durability = durability
        self.readOnly = readOnly
        self.fileSystem = fileSystem
        self.clock = clock
        self.faultInjection = faultInjection
    }

    /// Writes one line to the standard error stream.
    public static let logToStandardError: @Sendable (String) -> Void = { message in
        let line = Array((message + "\n").utf8)
        line.withUnsafeBytes { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }
}

/// Whether the store waits for the disk before acknowledging a write.
public enum Durability: Sendable {
    /// Every commit and compaction is fsync'd before it returns: a crash or power loss loses no
    /// acknowledged write. The only setting for real use.
    case synced
    /// Skips every fsync: a power loss can lose or tear recent writes. For benchmarks that measure the
    /// in-memory cost only; never use it for real data.
    case unsafeUnsynced
}

/// A named point inside a commit or a compaction where a test can simulate a crash or an I/O failure.
public enum StoreFaultPoint: String, Sendable, CaseIterable {
    /// Half of the journal line is written: a crash here leaves a torn last line.
    case journalPartlyWritten
    /// The whole journal line is written, before fsync.
    case journalWritten
    /// The journal line is fsync'd, before the commit is acknowledged.
    case journalSynced
    /// The new snapshot is written to its temporary file and fsync'd, before the rename.
    case snapshotTempWritten
    /// The new snapshot replaced the old one, before the folder is fsync'd and the journal reset.
    case snapshotRenamed
    /// The new empty journal exists under its temporary name, before it replaces the old journal.
    case journalTempCreated
    /// The new empty journal replaced the old one, before the folder is fsync'd.
    case journalReplaced
}

/// What a fault-injection hook asks the store to do at a fault point.
public enum StoreFaultAction: Sendable {
    /// Carry on.
    case proceed
    /// Behave as if the process died here: no clean-up, the lock is released (as the kernel would),
    /// the call throws `simulatedCrash` and the instance refuses further use. Reopen to recover.
    case crash
    /// Behave as if the system call at this point failed with EIO: the store cleans up as it would
    /// after a real failure and the call throws `ioFailure`.
    case ioFailure
}
