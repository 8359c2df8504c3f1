public import JSON
import Runs
import Store
import Tasks
import Crypto

/// A report as stored: its topic, its thread and the run of each section, and the task that
/// assembles it. Status, events, result and error are the task's.
struct ReportRecord: Sendable, Equatable {
    /// `rep_…`.
    var id: String
    /// What it is about.
    var topic: String
    /// The thread its runs belong to.
    var threadID: String
    /// The task that waits for the runs and writes the report.
    var taskID: String
    /// When it was asked for.
    var createdAt: String
    /// (question, run id) per section, in order.
    var sections: [(question: String, runID: String)]

    static func == (lhs: ReportRecord, rhs: ReportRecord) -> Bool { lhs.json == rhs.json }

    /// The stored JSON.
    var json: JSONValue {
        ["report_id": .string(id), "topic": .string(topic), "thread_id": .string(threadID), "task_id": .string(taskID),
         "created_at": .string(createdAt),
         "sections": .array(sections.map { ["question": .string($0.question), "run_id": .string($0.runID)] })]
    }

    /// Reads a stored record.
    init?(json: JSONValue) {
        guard let id = json["report_id"]?.stringValue, let topic = json["topic"]?.stringValue, let thread = json["thread_id"]?.stringValue,
              let task = json["task_id"]?.stringValue, let created = json["created_at"]?.stringValue,
              let sections = json["sections"]?.arrayValue else { return nil }
        self.init(id: id, topic: topic, threadID: thread, taskID: task, createdAt: created,
                  sections: sections.compactMap { item in
                      item["question"]?.stringValue.flatMap { question in item["run_id"]?.stringValue.map { (question, $0) } }
                  })
    }

    /// A record.
    init(id: String, topic: String, threadID: String, taskID: String, createdAt: String, sections: [(question: String, runID: String)]) {
        self.id = id
        self.topic = topic
        self.threadID = threadID
        self.taskID = taskID
        self.createdAt = createdAt
        self.sections = sections
    }
}

/// Reports (the seed's /reports/generate and /reports/status): one run per section in a
/// thread, then a task that waits for them in order and writes the report. Nothing waits for
/// a task submitted after it, so a bounded pool cannot deadlock.
extension RunsService {
    /// The task kind of a report.
    static let reportKind = "report"

    /// Starts a report on `topic` with `requested` sections (planned from the topic when nil),
    /// in thread `threadID` (its finished runs become the first sections) or a new one.
    /// Returns the report as `report_get` shows it, pending.
    public func generateReport(topic: String, requested: [String]?, threadID: String?, sampling: Sampling) throws -> JSONObject {
        let record = try Self.dispatching.withLock { _ -> ReportRecord in
            var thread = try openThread(threadID)
            var sections: [(question: String, runID: String)] = []
            for id in thread.runIDs {
                if let run = try runRecord(id), try view(run).status == .completed { sections.append((run.request.query, id)) }
            }
            let asked = Set(sections.map { $0.question.lowercased() })
            var previous: RunRecord?
            for question in ReportPlanner(base: engine.base).sections(topic: topic, requested: requested) where !asked.contains(question.lowercased()) {
                let run = try dispatch(RunRequest(query: question), in: &thread, after: previous, sampling: sampling)
                previous = try runRecord(run.runID)
                sections.append((question, run.runID))
            }
            let reportID = "rep_" + Hex.encode(try random.bytes(12), prefix: false)
            let runIDs = sections.map(\.runID), questions = sections.map(\.question)
            let service = self
            let task = try tasks.submit(kind: Self.reportKind, input: ["report_id": .string(reportID)]) { context in
                try await service.assemble(topic: topic, questions: questions, runIDs: runIDs, task: context)
            }
            let record = ReportRecord(id: reportID, topic: topic, threadID: thread.id, taskID: task.id, createdAt: TaskTime.iso(nowMilliseconds),
                                      sections: sections)
            try store.put(collection: RunsCollections.reports, id: reportID, value: record.json)
            return record
        }
        return try report(record.id, since: 0)
    }

    /// Report `id` as it stands, with its task's events numbered `since` and up; `not_found` when there is none.
    public func report(_ id: String, since: Int) throws -> JSONObject {
        guard let record = try store.get(collection: RunsCollections.reports, id: id).flatMap(ReportRecord.init(json:)) else {
            throw ToolFailure(code: .notFound, message: "No report \"\(id)\": pass the report_id that report_generate returned.", details: ["field": "report_id"])
        }
        let task = try tasks.record(record.taskID)
        var status = "failed"
        var object: JSONObject = ["report_id": .string(id), "topic": .string(record.topic), "thread_id": .string(record.threadID),
                                  "created_at": .string(record.createdAt)]
        object["sections"] = .array(try record.sections.map { section in
            let run = try self.run(section.runID)
            return ["question": .string(section.question), "run_id": .string(section.runID), "status": .string(run.status.rawValue)]
        })
        if let task {
            switch task.status {
            case .pending, .inProgress, .completed, .failed: status = task.status.rawValue
            case .cancelled: object["error"] = ["code": "cancelled", "message": .string(task.statusMessage ?? "The report was cancelled.")]
            }
            if task.status == .failed, let error = task.error { object["error"] = ["code": .string(error.code), "message": .string(error.message)] }
            if task.status.isTerminal { object["completed_at"] = .string(TaskTime.iso(task.updatedAt)) }
            object["result"] = task.result.map(JSONValue.object) ?? .null
            object["events"] = .array(try tasks.events(record.taskID, since: since).map { event in
                ["id": .integer(Int64(event.id)), "data": ["event_type": .string(event.type), "message": .string(event.message)]]
            })
        } else {
            object["error"] = ["code": "expired", "message": "The report's task is no longer kept; generate it again."]
            object["events"] = []
        }
        object["status"] = .string(status)
        return object
    }

    /// Waits for each section's run in order, reporting each, then writes the report. When the
    /// report is cancelled, its unfinished runs are cancelled too.
    func assemble(topic: String, questions: [String], runIDs: [String], task: TaskContext) async throws -> JSONObject {
        do {
            var sections: [ReportSection] = []
            for (index, (question, runID)) in zip(questions, runIDs).enumerated() {
                guard let record = try runRecord(runID) else { continue }
                _ = try await tasks.waitUntilTerminal(record.taskID)
                let run = try view(record)
                let result = run.result ?? AgentResult(
                    answer: "*This section's run failed (\(run.error?.code ?? "failed")): \(run.error?.message ?? "no result").*", cards: [], webResults: [],
                    requestID: "", generation: Generation(method: .extractive), resolvedQuery: question)
                sections.append(ReportSection(question: question, runID: runID, result: result))
                try task.report("Section \(index + 1) of \(runIDs.count) \(run.status == .completed ? "answered" : "failed"): \(question)",
                                progress: Double(index + 1), total: Double(runIDs.count + 1))
            }
            let generated = String(TaskTime.iso(nowMilliseconds).prefix(16)).replacing("T", with: " ") + " UTC"
            let document = ReportWriter.write(topic: topic, generatedAt: generated, sections: sections)
            try task.report("Report written: \(sections.count) sections, \(document.cards.count) cards.",
                            progress: Double(runIDs.count + 1), total: Double(runIDs.count + 1))
            return ["title": .string(document.title), "markdown": .string(document.markdown), "cards": .array(document.cards),
                    "web_results": .array(document.webResults.map { .object($0.json) }),
                    "run_ids": .array(runIDs.map { .string($0) })]
        } catch is CancellationError {
            for runID in runIDs { _ = try? cancel(runID, reason: "The report it belonged to was cancelled.") }
            throw CancellationError()
        }
    }
}
