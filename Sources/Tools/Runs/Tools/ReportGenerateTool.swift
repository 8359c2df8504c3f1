import Store
import JSON
import Runs

/// `report_generate`: start a multi-section research report (the seed's /reports/generate); returns at once.
struct ReportGenerateTool: Tool {
    struct Arguments: ToolArguments {
        var topic: String
        var sections: [String]?
        var thread_id: String?
        static let schema = JSONSchema.object(properties: [
            "topic": .string("What the report is about, e.g. \"Life expectancy in Brazil and India since 1990\".", minLength: 1, maxLength: 500),
            "sections": .array("The questions its sections answer, in order (each becomes a run); leave out to plan them from the topic.",
                               of: .string("A section's question.", minLength: 1, maxLength: 500), minItems: 1, maxItems: 6),
            "thread_id": RunsInputs.threadID("A research thread whose finished runs become the report's first sections; its new runs go in it too."),
        ], required: ["topic"])

        func validate() throws(ToolInputError) {
            if topic.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) { throw ToolInputError("`topic` is blank; say what the report is about.") }
        }
    }

    static let name = "report_generate"
    static let title = "Generate a research report"
    static let description = """
        Start a research report: one research run per section (planned from the topic, or the sections you give, \
        after the finished runs of thread_id), assembled into one markdown report with a chart per section and one \
        numbered source list. Returns at once with status pending and the section runs; poll report_get.
        """
    static let annotations = ToolAnnotations(readOnly: false, destructive: false, idempotent: false, openWorld: true)
    static let toolset = Toolset.runs
    static let outputSchema: JSONSchema? = RunsOutputs.report

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try context.environment.runs().generateReport(topic: arguments.topic, requested: arguments.sections,
                                                                  threadID: arguments.thread_id, sampling: context.sampling))
    }
}
