public import Store
public import Crypto
public import HTTP

/// The long-lived services tools use, injected so tests control time, randomness, storage and
/// the process environment.
public struct ToolEnvironment: Sendable {
    /// The home folder holding the store and keys.
    public var home: String
    /// The store (`<home>/store`).
    public var store: Store
    /// The clock.
    public var clock: WallClock
    /// Randomness (keys, nonces, ids).
    public var random: RandomBytes
    /// Reads an environment variable of the server process (injected so tests set their own).
    public var variable: @Sendable (String) -> String?
    /// How HTTP requests leave the process (JSON-RPC nodes, paid APIs).
    public var http: any HTTPTransport
    /// Services made on first use and shared by the session's calls (the key vault).
    public var services: ServiceCache
    /// The KDF for new keystores; nil for the key vault's defaults. Tests choose a light one.
    public var keystoreKDF: KeystoreKDF?
    /// Whether structured results are checked against output schemas (tests and debug builds).
    public var validatesOutput: Bool
    /// The server's version string, e.g. `0.1.0`.
    public var serverVersion: String

    /// Creates an environment.
    public init(home: String, store: Store, clock: WallClock = .system, random: RandomBytes = .system,
                variable: @escaping @Sendable (String) -> String? = ToolEnvironment.processVariable,
                http: any HTTPTransport = DefaultHTTPTransport(), services: ServiceCache = ServiceCache(), keystoreKDF: KeystoreKDF? = nil,
                validatesOutput: Bool = ToolEnvironment.debugBuild, serverVersion: String) {
        self.home = home
        self.store = store
        self.clock = clock
        self.random = random
        self.variable = variable
        self.http = http
        self.services = services
        self.keystoreKDF = keystoreKDF
        self.validatesOutput = validatesOutput
        self.serverVersion = serverVersion
    }

    /// The process's environment variable `name`.
    public static let processVariable: @Sendable (String) -> String? = { name in
        getenv(name).flatMap { String(validatingCString: $0) }
    }

    /// True in debug builds.
    public static var debugBuild: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }
}
