import Store
import Runs

/// `agent_run_create`: dispatch a research run (POST /v1/agent/runs); returns the queued run at once.
struct AgentRunCreateTool: Tool {
    struct Arguments: ToolArguments {
        var query: String
        var thread_id: String?
        var effort: String?
        var source_indexes: [String]?
        var locale: String?
        var timezone: String?
        var output_settings: OutputSettings?

        /// `output_settings`.
        struct OutputSettings: Decodable, Sendable {
            var image_dark_mode: Bool?
        }

        static let schema = JSONSchema.object(properties: [
            "query": .string("The research question in natural language, e.g. \"How has life expectancy in Brazil changed since 1990?\". A follow-up in a thread may be short: \"and in 2007?\", \"what about India?\".",
                             minLength: 1, maxLength: 2000),
            "thread_id": RunsInputs.threadID("An earlier run's thread_id, to ask a follow-up in the same conversation; leave out to start a new thread."),
            "effort": .string("Agent effort; only medium is supported.", enum: ["medium"], default: "medium"),
            "source_indexes": .array("Where to look: data (the knowledge base; tako is a legacy name for it) and/or web (a configured web search provider). Default both.",
                                     of: .string("A source.", enum: ["data", "web", "tako"]), minItems: 1, maxItems: 3),
            "locale": .string("BCP-47 language of the answer (default en-US). Other languages need a host that supports MCP sampling; otherwise the answer is English with a note.",
                              minLength: 2, maxLength: 35, default: "en-US"),
            "timezone": .string("IANA time zone (e.g. America/New_York) for the dates drawn on the run's chart images.", minLength: 1, maxLength: 64),
            "output_settings": .object("Rendering settings.", properties: [
                "image_dark_mode": .boolean("Draw the run's chart images for a dark background."),
            ]),
        ], required: ["query"])

        func validate() throws(ToolInputError) {
            if let effort, effort != "medium" {
                throw ToolInputError("`effort` must be \"medium\" (the only effort agent runs support); got \"\(effort)\".")
            }
            if query.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) {
                throw ToolInputError("`query` is blank; ask a question.")
            }
            if let locale, AnswerLocale(locale) == nil {
                throw ToolInputError("`locale` must be a BCP-47 tag such as en-US or de-DE; got \"\(locale)\".")
            }
        }
    }

    static let name = "agent_run_create"
    static let title = "Dispatch a research run"
    static let description = """
        Dispatch a research run: the agent reads the question (and, with thread_id, the thread's earlier runs), \
        computes figures from the knowledge base (and searches the web when a provider is configured), and writes a \
        markdown answer citing the cards it returns. Returns the run at once with status queued; poll agent_run_get \
        or call agent_run_wait until it is completed or failed. Pass the returned thread_id to ask a follow-up. As an \
        MCP task (task-augmented call) the task is the run: tasks/result gives the completed run, tasks/cancel cancels it.
        """
    static let annotations = ToolAnnotations(readOnly: false, destructive: false, idempotent: false, openWorld: true)
    static let toolset = Toolset.runs
    static let outputSchema: JSONSchema? = RunsOutputs.run
    static let taskSupport = TaskSupport.optional

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let sources = (arguments.source_indexes ?? ["data", "web"]).compactMap(SourceIndex.init(name:))
        if let timezone = arguments.timezone, ZoneInfo.load(timezone) == nil {
            throw ToolFailure.invalidRequest("`timezone` must be an IANA time zone such as America/New_York or UTC; \"\(timezone)\" is not one this system knows.",
                                             field: "timezone")
        }
        let request = RunRequest(query: arguments.query, sources: sources, locale: arguments.locale.flatMap(AnswerLocale.init) ?? .english,
                                 timezone: arguments.timezone, imageDarkMode: arguments.output_settings?.image_dark_mode)
        let runs = try context.environment.runs()
        if context.runsAsTask, let taskID = context.taskID {
            // As an MCP task the call is the run: it answers when the run is done.
            return .structured(try await runs.runInTask(request, threadID: arguments.thread_id, sampling: context.sampling, taskID: taskID,
                                                        progress: context.progress).json)
        }
        return .structured(try runs.create(request, threadID: arguments.thread_id, sampling: context.sampling).json)
    }
}
