import Store
import Tools
import JSON

/// A session's logging: to stderr at or above the configured level, and as
/// `notifications/message` to the client once it chose a level with `logging/setLevel`.
final class SessionLogger: Sendable {
    let stderrLevel: LogLevel
    let diagnostics: any DiagnosticSink
    let sink: any MessageSink
    let state: Locked<Session.State>

    init(stderrLevel: LogLevel, diagnostics: any DiagnosticSink, sink: any MessageSink, state: Locked<Session.State>) {
        self.stderrLevel = stderrLevel
        self.diagnostics = diagnostics
        self.sink = sink
        self.state = state
    }

    func log(_ level: LogLevel, _ message: String, logger: String) {
        if level >= stderrLevel {
            diagnostics.writeLine("tak-mcp [\(level.rawValue)] \(message)")
        }
        let clientLevel = state.withLock { $0.clientLogLevel }
        if let clientLevel, level >= clientLevel {
            sink.write(OutgoingMessage.notification("notifications/message",
                                                    ["level": .string(level.rawValue), "logger": .string(logger), "data": .string(message)]).serialized())
        }
    }
}
