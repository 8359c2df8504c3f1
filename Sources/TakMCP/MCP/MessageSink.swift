import JSON
/// Where a session writes complete message lines (without the newline). The stdio transport
/// writes them to stdout; tests and the benchmark collect them.
public protocol MessageSink: Sendable {
    /// Writes one message; must be atomic with respect to other calls.
    func write(_ message: [UInt8])
}

/// Where a session's diagnostic lines go (stderr in the server).
public protocol DiagnosticSink: Sendable {
    /// Writes one line of text.
    func writeLine(_ line: String)
}
