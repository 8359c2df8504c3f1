import Store
import JSON
import Knowledge
import Tasks
import Dispatch

/// Deep searches as tasks: submitted to the task manager, run off the cooperative pool (the
/// search itself is synchronous), each step a task event, stopped when the task is cancelled.
enum DeepSearchJob {
    /// The task kind of a deep knowledge search.
    static let kind = "knowledge.deep_search"

    /// How long to pause after each step: `TAK_DEEP_STEP_DELAY_MS` (0–10000), for demos and
    /// tests that watch a task run; 0 when unset.
    static func pace(_ environment: ToolEnvironment) -> Int {
        environment.variable("TAK_DEEP_STEP_DELAY_MS").flatMap(Int.init).map { min(10_000, max(0, $0)) } ?? 0
    }

    /// Starts the deep search of `request` as a task and returns its pending record at once.
    static func submit(base: KnowledgeBase, request: SearchRequest, reason: String, notes: [String], context: ToolContext) throws -> TaskRecord {
        let pace = pace(context.environment)
        let input: JSONValue = [
            "text": .string(request.text), "search_effort": .string(request.effort.rawValue), "count": .integer(Int64(request.count)),
            "country": request.country.map(JSONValue.string) ?? .null, "previous_card_id": request.previousCardID.map(JSONValue.string) ?? .null,
        ]
        return try context.environment.taskManager().submit(kind: kind, input: input, ttl: 86_400_000) { task in
            let result = try await run(base: base, request: request, pace: pace) { step in
                try task.report(step.message, progress: Double(step.step), total: Double(step.total))
            }
            let json = KnowledgeSearchTool.annotate(result.json(in: base), notes)
            return ToolOutput.structured(json).resultJSON
        }
    }

    /// Runs the deep search on a Dispatch thread, calling `report` after each step and pausing
    /// `pace` milliseconds; a cancelled caller stops it at the next step.
    static func run(base: KnowledgeBase, request: SearchRequest, pace: Int,
                    report: @escaping @Sendable (DeepSearch.Progress) throws -> Void) async throws -> SearchResult {
        let stopped = Locked(false)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(with: Result {
                        try DeepSearch(base: base, request: request).run { step in
                            if stopped.withLock({ $0 }) { throw CancellationError() }
                            try report(step)
                            if pace > 0 { usleep(useconds_t(pace * 1000)) }
                            if stopped.withLock({ $0 }) { throw CancellationError() }
                        }
                    })
                }
            }
        } onCancel: {
            stopped.withLock { $0 = true }
        }
    }
}
