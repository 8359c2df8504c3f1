public import Tools

/// How a session is set up: chosen on the command line or by environment variables.
public struct ServerConfiguration: Sendable {
    /// The home folder (`--home`, `TAK_HOME`, `~/.tak-mcp`).
    public var home: String
    /// The lowest level written to stderr (`--log-level`).
    public var stderrLevel: LogLevel
    /// The toolsets exposed (`--toolsets`); core is always on.
    public var toolsets: Set<Toolset>
    /// Only read-only tools (`--read-only`).
    public var readOnly: Bool
    /// The longest accepted message line in bytes (`--max-line-bytes`).
    public var maxLineBytes: Int
    /// Items per page of list results.
    public var pageSize: Int
    /// How long in-flight calls may run on after stdin closes or SIGTERM, in milliseconds.
    public var shutdownGraceMilliseconds: Int
    /// Settings from the command line that take the place of environment variables
    /// (`--agent` for `TAK_AGENT_ID`, `--deal-approval` for `TAK_DEAL_APPROVAL`).
    public var variableOverrides: [String: String] = [:]

    /// Creates a configuration; the defaults are the product's.
    public init(home: String, stderrLevel: LogLevel = .warning, toolsets: Set<Toolset> = Set(Toolset.selectable),
                readOnly: Bool = false, maxLineBytes: Int = 32 << 20, pageSize: Int = 100, shutdownGraceMilliseconds: Int = 2_000) {
        self.home = home
        self.stderrLevel = stderrLevel
        self.toolsets = toolsets
        self.readOnly = readOnly
        self.maxLineBytes = maxLineBytes
        self.pageSize = pageSize
        self.shutdownGraceMilliseconds = shutdownGraceMilliseconds
    }
}

/// Who this server is, as `initialize` reports it.
public enum ServerIdentity {
    /// The release.
    public static let version = "0.1.0"
    /// The programmatic name.
    public static let name = "tak-mcp"
    /// The display name.
    public static let title = "TakMCP"
    /// One line on what it is.
    public static let description =
        "Agent marketplace, knowledge search, research runs and USDC wallets for LLM agents, over MCP."

    /// What a model should know before it calls anything.
    public static let instructions = """
        TakMCP lets you do business as an agent: find and buy services from other agents (marketplace), \
        search knowledge, dispatch research runs, and hold a USDC wallet. Rules: (1) Money is always an \
        integer in atomic units: `*_nano` fields are nano-USDC (1 USDC = 1,000,000,000 nano); never use \
        decimals. (2) Tools that change state take an `idempotency_key`: invent one per intended action \
        and reuse it when you retry, so nothing happens twice. (3) Deals need approval before they \
        execute; when a person must approve, tell them the command to run instead of retrying. \
        (4) A result with isError explains what to change; fix that field and call again. Call `health` \
        first to see the server's state.
        """
}

/// The MCP protocol revisions this server speaks, newest first.
public enum ProtocolVersion {
    /// The handshake-era revisions, newest first.
    public static let supported = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]
    /// The answer to a version we do not speak.
    public static let latest = "2025-11-25"

    /// The version to answer with when a client asks for `requested` (echo it if supported,
    /// otherwise counter-offer the latest, as the lifecycle spec requires).
    public static func negotiate(_ requested: String) -> String {
        supported.contains(requested) ? requested : latest
    }

    /// Whether JSON-RPC batches are part of `version` (only 2025-03-26).
    public static func allowsBatches(_ version: String?) -> Bool { version == "2025-03-26" }
}
