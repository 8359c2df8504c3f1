import Tools
import JSON

/// How the session serves one method. Each capability's file declares a table of these, and
/// `Session.routes` gathers them, so the session itself only routes.
enum MethodRoute: Sendable {
    /// Answered at once on the reader thread: for methods that never block.
    case immediate(@Sendable (Session, JSONObject) throws -> MethodResult)
    /// Run as a tracked request (cancellable, with progress); `inline` starts it on the reader
    /// thread, for work that only computes in memory until it first suspends.
    case task(inline: Bool, @Sendable (Session, JSONObject, ToolContext) async throws -> MethodResult)
    /// Served by the method's own code, which answers through the responder.
    case custom(@Sendable (Session, RequestID, JSONObject, Session.Responder) -> Void)
}
