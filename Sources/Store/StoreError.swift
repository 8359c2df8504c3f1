/// Why a store operation failed, with a message that says what to change.
///
/// Compare `code` to decide what to do; show `message` to people. The message names the file and,
/// for damaged data, the line or byte offset, and ends with what to do about it.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; an open set, so `switch` statements need a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The closed list behind the public constants.
        private enum Base: Hashable, Sendable {
            case corruptData, unsupportedVersion, ioFailure, storageFull, readOnly, invalidArgument, recordNotFound, unusable, simulatedCrash
        }

        /// Which kind this is.
        private let base: Base

        /// Makes a code from its base.
        private init(_ base: Base) { self.base = base }

        /// A file in the home is damaged: a bad journal line, an unparsable snapshot, missing records,
        /// or a journal that ends before the last acknowledged transaction. The file is left
        /// untouched; `Store.repair(home:options:)` (`tak-mcp doctor --repair`) keeps what is intact.
        public static let corruptData = Code(.corruptData)
        /// A file was written by a newer release whose format this build does not know.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// The operating system refused a file operation (permissions, a full disk, a missing folder).
        public static let ioFailure = Code(.ioFailure)
        /// The disk (or the user's quota) is full (`ENOSPC`, `EDQUOT`); nothing was written. Free
        /// some space and try again.
        public static let storageFull = Code(.storageFull)
        /// The store was opened read-only (`StoreOptions.readOnly`) and refuses every change.
        public static let readOnly = Code(.readOnly)
        /// The caller passed something the store does not accept, such as an empty record id.
        public static let invalidArgument = Code(.invalidArgument)
        /// A record named as a pagination cursor does not exist.
        public static let recordNotFound = Code(.recordNotFound)
        /// The instance stopped itself after an error it cannot recover from; open the home again.
        public static let unusable = Code(.unusable)
        /// A test's fault-injection hook asked for a crash at a named point.
        public static let simulatedCrash = Code(.simulatedCrash)

        /// The name of the code, as in `corruptData`.
        public var description: String {
            switch base {
            case .corruptData: "corruptData"
            case .unsupportedVersion: "unsupportedVersion"
            case .ioFailure: "ioFailure"
            case .storageFull: "storageFull"
            case .readOnly: "readOnly"
            case .invalidArgument: "invalidArgument"
            case .recordNotFound: "recordNotFound"
            case .unusable: "unusable"
            case .simulatedCrash: "simulatedCrash"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to do, in plain words.
    public var message: String
    /// The file or folder concerned, when there is one.
    public var path: String?
    /// The `errno` value behind an `ioFailure` or `storageFull`, when there is one.
    public var errno: Int32?
    /// For a journal that ends before the last acknowledged transaction: the sequence numbers of
    /// the acknowledged transactions that the files no longer hold.
    public var missingTransactions: ClosedRange<Int64>?

    /// Makes an error.
    public init(_ code: Code, _ message: String, path: String? = nil, errno: Int32? = nil,
                missingTransactions: ClosedRange<Int64>? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.errno = errno
        self.missingTransactions = missingTransactions
    }

    /// The message, prefixed by the code.
    public var description: String { "store error (\(code)): \(message)" }
}
