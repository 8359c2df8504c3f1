import Store
#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import JSON

/// What a tool handler may use besides its arguments: the injected environment (store, clock,
/// randomness, configuration) and the per-call channels (progress, logging, elicitation, sampling).
public struct ToolContext: Sendable {
    /// Long-lived services shared by all calls.
    public var environment: ToolEnvironment
    /// Reports progress for this call; a no-op when the client sent no progress token.
    public var progress: ProgressReporter
    /// Logs for this call: to stderr, and to the client when it asked for logs.
    public var log: ToolLogger
    /// What this session exposes (after `--toolsets` and `--read-only`).
    public var catalog: ToolCatalog
    /// Asks the person at the client a question (MCP elicitation), when the client supports it.
    public var elicitation: Elicitation
    /// Asks the host's model to write text (MCP sampling), when the client supports it.
    public var sampling: Sampling
    /// Whether this call runs as a task (MCP task-augmented `tools/call`): long work then runs in
    /// the call itself, reporting through `progress`, instead of starting a task of its own.
    public var runsAsTask = false
    /// The id of the task this call runs as, when `runsAsTask`: work that keeps records of its
    /// own (a research run) points them at this task.
    public var taskID: String?

    /// Creates a context.
    public init(environment: ToolEnvironment, catalog: ToolCatalog = .standard, progress: ProgressReporter = .none,
                log: ToolLogger = .none, elicitation: Elicitation = .unsupported, sampling: Sampling = .unsupported) {
        self.environment = environment
        self.catalog = catalog
        self.progress = progress
        self.log = log
        self.elicitation = elicitation
        self.sampling = sampling
    }

    /// The current time from the injected clock.
    public var now: Date { environment.clock.now() }

    /// Throws `CancellationError` when the client cancelled this call; call it between steps of
    /// long work.
    public func checkCancellation() throws { try Task.checkCancellation() }
}

/// Reports progress of one call (`notifications/progress`).
public struct ProgressReporter: Sendable {
    let send: @Sendable (_ progress: Double, _ total: Double?, _ message: String?) -> Void

    /// Creates a reporter from a sender.
    public init(_ send: @escaping @Sendable (_ progress: Double, _ total: Double?, _ message: String?) -> Void) {
        self.send = send
    }

    /// A reporter that drops everything.
    public static let none = ProgressReporter { _, _, _ in }

    /// Reports `progress` (which must increase from one report to the next) of `total`.
    public func report(_ progress: Double, total: Double? = nil, message: String? = nil) {
        send(progress, total, message)
    }
}

/// Severity of a log message (RFC 5424 levels, as MCP uses them).
public enum LogLevel: String, Sendable, CaseIterable, Comparable {
    case debug, info, notice, warning, error, critical, alert, emergency

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Logs from a tool. Never pass secrets (keys, passphrases, credentials) to it.
public struct ToolLogger: Sendable {
    let send: @Sendable (_ level: LogLevel, _ message: String) -> Void

    /// Creates a logger from a sender.
    public init(_ send: @escaping @Sendable (_ level: LogLevel, _ message: String) -> Void) { self.send = send }

    /// A logger that drops everything.
    public static let none = ToolLogger { _, _ in }

    /// Logs `message` at `level`.
    public func callAsFunction(_ level: LogLevel, _ message: String) { send(level, message) }
}

/// A source of the current time; injected so tests are deterministic.
public struct WallClock: Sendable {
    /// Returns the current time.
    public var now: @Sendable () -> Date

    /// Creates a clock from a function.
    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The system clock.
    public static let system = WallClock { Date() }

    /// A clock stopped at `date`.
    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }
}

/// Asking the person at the client (MCP `elicitation/create`, form mode).
public struct Elicitation: Sendable {
    /// What the person answered.
    public enum Answer: Sendable, Equatable {
        /// They submitted the form, with these values.
        case accept(JSONObject)
        /// They explicitly said no.
        case decline
        /// They dismissed it without choosing.
        case cancel
    }

    /// Whether the client declared the elicitation capability (form mode).
    public var isSupported: Bool
    let ask: @Sendable (_ message: String, _ schema: JSONSchema) async throws -> Answer

    /// An elicitation channel.
    public init(isSupported: Bool, ask: @escaping @Sendable (_ message: String, _ schema: JSONSchema) async throws -> Answer) {
        self.isSupported = isSupported
        self.ask = ask
    }

    /// For clients without elicitation: asking throws.
    public static let unsupported = Elicitation(isSupported: false) { _, _ in throw ElicitationUnavailable() }

    /// Asks `message` with a form of flat primitive fields described by `schema`; throws
    /// `ElicitationUnavailable` when the client cannot be asked.
    public func ask(_ message: String, schema: JSONSchema) async throws -> Answer {
        guard isSupported else { throw ElicitationUnavailable() }
        return try await ask(message, schema)
    }
}

/// The client cannot ask the person (it did not declare elicitation, or it failed to answer).
public struct ElicitationUnavailable: Error, Sendable {
    /// Why, for logs.
    public var reason: String
    /// Creates the error.
    public init(_ reason: String = "the client does not support elicitation") { self.reason = reason }
}
