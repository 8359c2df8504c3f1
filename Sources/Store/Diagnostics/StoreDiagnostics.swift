/// What `Store.check(home:)` found, for `tak-mcp doctor`: facts about the home folder and its files,
/// and findings in plain words, each problem with what to do about it.
public struct StoreDiagnostics: Sendable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: Int, Sendable, Comparable, CustomStringConvertible {
        /// All is well.
        case ok
        /// Worth knowing; nothing to do.
        case note
        /// Works, but something should be looked at.
        case warning
        /// The store cannot be opened or written until this is fixed.
        case problem

        /// Orders by seriousness.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The word shown in reports.
        public var description: String {
            switch self {
            case .ok: "ok"
            case .note: "note"
            case .warning: "warning"
            case .problem: "PROBLEM"
            }
        }
    }

    /// One thing found.
    public struct Finding: Sendable, Equatable {
        /// How serious it is.
        public var severity: Severity
        /// What it is about: "home folder", "lock", a file name.
        public var subject: String
        /// What was found.
        public var detail: String
        /// What to do about it, if anything.
        public var remedy: String?

        /// Makes a finding.
        public init(_ severity: Severity, _ subject: String, _ detail: String, remedy: String? = nil) {
            self.severity = severity
            self.subject = subject
            self.detail = detail
            self.remedy = remedy
        }
    }

    /// The folder checked.
    public var home: String
    /// Whether the folder exists.
    public var homeExists = false
    /// Whether this user may create files in it.
    public var homeWritable = false
    /// Whether another process held the lock at the moment of the check; nil if it could not be tried.
    public var lockHeldByAnotherProcess: Bool?
    /// The snapshot's format version, if there is a readable snapshot.
    public var snapshotVersion: Int64?
    /// The snapshot's size in bytes, if there is one.
    public var snapshotBytes: Int?
    /// The journal's size in bytes, if there is one.
    public var journalBytes: Int?
    /// How many whole lines the journal has, if it could be read.
    public var journalLines: Int?
    /// The last acknowledged transaction as the commit counter in the lock file has it, if it does.
    public var committedTransactions: Int64?
    /// The sequence number of the last committed transaction, if the files could be read.
    public var sequenceNumber: Int64?
    /// The number of records per collection, if the files could be read.
    public var recordCounts: [String: Int]?
    /// Everything found, in the order checked.
    public var findings: [Finding] = []

    /// A report for `home` with nothing found yet.
    public init(home: String) { self.home = home }

    /// Whether nothing stops the store from opening and writing.
    public var isHealthy: Bool { !findings.contains { $0.severity == .problem } }

    /// The most serious severity found.
    public var worstSeverity: Severity { findings.map(\.severity).max() ?? .ok }

    /// A plain-text report, one finding per line, each remedy indented below its finding.
    public var description: String {
        var lines = ["Store at \(home):"]
        for finding in findings {
            let label = finding.severity.description
            lines.append("  " + label + String(repeating: " ", count: max(1, 9 - label.count)) + finding.subject + ": " + finding.detail)
            if let remedy = finding.remedy { lines.append("           -> " + remedy) }
        }
        if let recordCounts {
            let counts = recordCounts.isEmpty
                ? "none"
                : recordCounts.keys.sorted().map { "\($0) \(recordCounts[$0]!)" }.joined(separator: ", ")
            lines.append("  records: \(counts) (as of transaction \(sequenceNumber ?? 0))")
        }
        lines.append(isHealthy ? "  verdict: healthy" : "  verdict: needs attention (see PROBLEM lines)")
        return lines.joined(separator: "\n")
    }
}
