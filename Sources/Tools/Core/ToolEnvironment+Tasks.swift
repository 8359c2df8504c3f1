public import Tasks

/// The session's task manager: one per environment, made on first use (which also fails the
/// tasks a stopped server left running), with the environment's clock.
extension ToolEnvironment {
    /// How many tasks run at once: `TAK_TASK_WORKERS` (1–16), else 2.
    public var taskWorkers: Int {
        variable("TAK_TASK_WORKERS").flatMap(Int.init).map { min(16, max(1, $0)) } ?? 2
    }

    /// The task manager over this environment's store.
    public func taskManager() throws -> TaskManager {
        let clock = clock
        let workers = taskWorkers
        return try services.value(TaskManager.self) {
            try TaskManager(store: store, workers: workers, now: { Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down)) })
        }
    }
}
