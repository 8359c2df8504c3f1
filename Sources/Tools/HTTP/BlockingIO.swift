import Dispatch

/// Where blocking network calls run: off Swift's cooperative pool, one thread per request.
enum BlockingIO {
    /// Runs `work` on a thread of its own. Each call gets a new serial queue: serial queues
    /// overcommit, so every blocked request has a thread, whereas the global and concurrent queues
    /// are capped near the core count on Linux and would queue requests behind each other's sockets.
    static func run(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue(label: "TakMCP.http.request").async(execute: work)
    }
}
