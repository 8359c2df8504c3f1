import Store
import Runs

/// `report_get`: a report's status, events and, once completed, the report (the seed's /reports/status).
struct ReportGetTool: Tool {
    struct Arguments: ToolArguments {
        var report_id: String
        var since_index: Int?
        static let schema = JSONSchema.object(properties: [
            "report_id": .string("The report's id, as report_generate returned it (rep_…).", minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9_.:-]+$"),
            "since_index": .integer("Return only events with this id and later (default 0: all).", in: 0...1_000_000),
        ], required: ["report_id"])
    }

    static let name = "report_get"
    static let title = "Get a research report"
    static let description = """
        Get a report: status pending, in_progress, completed or failed; each section's run and its status; the events \
        from since_index; on completed the result {title, markdown, cards, web_results}; on failed the error (cancelled…).
        """
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.runs
    static let outputSchema: JSONSchema? = RunsOutputs.report

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try context.environment.runs().report(arguments.report_id, since: arguments.since_index ?? 0))
    }
}
