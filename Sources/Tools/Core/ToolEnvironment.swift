/// The long-lived services tools use, injected so tests control time, randomness and storage.
public struct ToolEnvironment: Sendable {
    /// The home folder holding the store and keys.
    public var home: String
    /// The clock.
    public var clock: WallClock
    /// Whether structured results are checked against output schemas (tests and debug builds).
    public var validatesOutput: Bool
    /// The server's version string, e.g. `0.1.0`.
    public var serverVersion: String

    /// Creates an environment.
    public init(home: String, clock: WallClock = .system, validatesOutput: Bool = ToolEnvironment.debugBuild, serverVersion: String) {
        self.home = home
        self.clock = clock
        self.validatesOutput = validatesOutput
        self.serverVersion = serverVersion
    }

    /// Record counts per store collection.
    public func recordCounts() throws -> [String: Int] {
        [:]
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
