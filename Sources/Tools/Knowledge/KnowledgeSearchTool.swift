import Store
import JSON
import Knowledge
import Tasks

/// `knowledge_search`: questions answered from the embedded knowledge base, as cards.
struct KnowledgeSearchTool: Tool {
    struct Arguments: ToolArguments {
        var text: String
        var search_effort: String?
        var count: Int?
        var source_indexes: [String]?
        var country: String?
        var locale: String?
        var previous_card_id: String?

        static let schema = JSONSchema.object(properties: [
            "text": .string("The question, in plain words (\"How has Brazil's GDP per capita grown since 1990?\").", minLength: 1, maxLength: 2000),
            "search_effort": .string("fast: best cards from the index; medium: cards built for the question (comparisons, figures); "
                + "deep: a planned search run as a task (returns task_id at once); auto (default): chosen by the question's complexity.",
                enum: SearchEffort.allCases.map(\.rawValue), default: "auto"),
            "count": .integer("Most cards to return, 1-20 (default 5; 10 for a deep search).", in: 1...20),
            "source_indexes": .array("Which indexes to search: data (the embedded data; `tako` is a synonym); web is not available offline.",
                                     of: .string("An index.", enum: ["data", "tako", "web"]), minItems: 1, maxItems: 3),
            "country": .string("A country (or other subject) the question is about, as the data names it; aliases such as US or S. Korea work."),
            "locale": .string("BCP-47 locale; descriptions are written in English (en-US) whatever is asked.", maxLength: 35),
            "previous_card_id": .string("A card_id from an earlier answer this question follows up on (\"and Argentina?\")."),
        ], required: ["text"])

        func validate() throws(ToolInputError) {
            if text.allSatisfy(\.isWhitespace) { throw ToolInputError("`text` must contain a question; got only white space.") }
            if let previous_card_id, previous_card_id.isEmpty { throw ToolInputError("`previous_card_id` must not be empty; leave it out instead.") }
        }
    }

    static let name = "knowledge_search"
    static let title = "Search the knowledge base"
    static let description = """
        Search the embedded knowledge base of real public data (Gapminder, US macro data, BLS employment and \
        unemployment, stocks, weather, CO2 and more) and get knowledge cards: titled figures with period, unit, \
        source and licence, CSV data and a chart. fast and medium answer at once with knowledge_cards; deep (or \
        auto resolving to deep) answers with a task_id to poll with knowledge_search_status. A question the data \
        cannot answer gets no cards and a not_in_knowledge_base notice with the nearest data.
        """
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.knowledge
    static let taskSupport = TaskSupport.optional
    static let outputSchema: JSONSchema? = KnowledgeSchemas.searchOutput

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let indexes = Set((arguments.source_indexes ?? ["data"]).map { $0 == "tako" ? "data" : $0 })
        guard indexes.contains("data") else {
            throw ToolFailure(code: .sourceUnavailable,
                              message: "only the `data` index exists offline; `web` needs a remote backend, which is not configured. Search with source_indexes [\"data\"].",
                              details: ["field": "source_indexes", "available": ["data"]])
        }
        var request = SearchRequest(text: arguments.text, effort: SearchEffort(rawValue: arguments.search_effort ?? "auto") ?? .auto,
                                    count: arguments.count ?? 5, country: arguments.country, previousCardID: arguments.previous_card_id)
        let base = KnowledgeBase.embedded
        if let previous = request.previousCardID, base.card(id: previous) == nil {
            throw ToolFailure.invalidRequest("no card \(previous) to follow up on; pass a card_id from an earlier answer or leave previous_card_id out",
                                             field: "previous_card_id")
        }
        let (effort, reason) = base.resolveEffort(request)
        if arguments.count == nil && effort == .deep { request.count = 10 }
        var notes: [String] = []
        if indexes.contains("web") { notes.append("web: not available offline; only the data index was searched") }
        if let locale = arguments.locale, !locale.lowercased().hasPrefix("en") { notes.append("locale \(locale): descriptions are in English (en-US)") }
        guard effort == .deep else {
            return .structured(Self.annotate(base.search(request).json(in: base), notes))
        }
        if context.runsAsTask {
            // Already inside a task (MCP task-augmented call): the deep search is this call's work.
            let result = try await DeepSearchJob.run(base: base, request: request, pace: DeepSearchJob.pace(context.environment)) { step in
                context.progress.report(Double(step.step), total: Double(step.total), message: step.message)
            }
            return .structured(Self.annotate(result.json(in: base), notes))
        }
        let record = try DeepSearchJob.submit(base: base, request: request, reason: reason, notes: notes, context: context)
        var answer: JSONObject = [
            "task_id": .string(record.id), "status": "pending", "resolved_effort": "deep", "resolution": .string(reason),
            "message": "Deep search runs as a task. Poll knowledge_search_status with this task_id (and since_index for new events) until status is completed.",
        ]
        if !notes.isEmpty { answer["notes"] = .array(notes.map(JSONValue.string)) }
        return .structured(answer)
    }

    /// The result with the request's notes and the answer's locale.
    static func annotate(_ result: JSONObject, _ notes: [String]) -> JSONObject {
        var result = result
        result["locale"] = "en-US"
        if !notes.isEmpty { result["notes"] = .array(notes.map(JSONValue.string)) }
        return result
    }
}

extension FailureCode {
    /// The index asked for does not exist in this configuration (web search offline).
    static let sourceUnavailable = FailureCode("source_unavailable")
}
