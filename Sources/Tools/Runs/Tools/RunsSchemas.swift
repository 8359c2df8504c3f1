import Store

/// Input schema pieces the run tools share.
enum RunsInputs {
    /// A run id.
    static let runID = JSONSchema.string("The run's id, as agent_run_create returned it (run_…).", minLength: 1, maxLength: 64,
                                         pattern: "^[A-Za-z0-9_.:-]+$")
    /// A thread id.
    static func threadID(_ description: String) -> JSONSchema {
        .string(description, minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9_.:-]+$")
    }
    /// `cursor`.
    static let cursor = JSONSchema.string("The next_cursor of the previous page; leave out for the first page.", minLength: 1, maxLength: 64)
    /// `limit`.
    static let limit = JSONSchema.integer("Items per page, 1-100 (default 50).", in: 1...100)
}

/// Output schemas of the run tools: the seed's AgentRun, threads and reports.
enum RunsOutputs {
    /// A nullable time.
    static func time(_ description: String) -> JSONSchema { .string(description).nullable }

    /// A card in the seed's shape (its many fields are described in the knowledge tools).
    static let card = JSONSchema.object("A knowledge card in the seed's shape: card_id, title, description, sources, content{data CSV}, figures, image_url…",
                                        additionalProperties: true)

    /// A web result.
    static let webResult = JSONSchema.object("A web search result.", properties: [
        "title": .string("Page title."), "url": .string("Page address."), "snippet": .string("The provider's excerpt."),
        "source_name": .string("Site or publisher."), "publish_date": time("Publication date, as the provider says."),
        "content": .object("The snippet as content.", additionalProperties: true),
        "citation_number": .integer("Its [n] in the answer.", in: 1...1000),
    ], required: ["title", "url", "snippet", "source_name", "citation_number"])

    /// A run's result.
    static let result = JSONSchema.object("The result, on completed.", properties: [
        "answer": .string("The markdown answer; [n] cites cards (first) and web results (after them)."),
        "cards": .array("The cards the answer cites, in citation order.", of: card),
        "web_results": .array("The web results it cites, numbered after the cards.", of: webResult),
        "request_id": .string("The id of the work that produced it."),
        "generation": .object("Who wrote the prose.", properties: [
            "method": .string("sampling (the host's model, every number checked) or extractive (the local engine).", enum: ["sampling", "extractive"]),
            "model": .string("The host's model, when sampling was used or tried."),
            "fallback_reason": .string("Why the host's prose was not used."),
        ], required: ["method"]),
        "resolved_query": .string("The question as resolved against the thread (follow-ups made whole)."),
        "notes": .array("Caveats: skipped sources, the language note.", of: .string("A note.")),
    ], required: ["answer", "cards", "web_results", "request_id", "generation"]).nullable

    /// The seed's AgentRun.
    static let run = JSONSchema.object("An agent run.", properties: [
        "run_id": .string("run_…"), "object": .string("agent.run", enum: ["agent.run"]),
        "status": .string("queued, running, completed or failed.", enum: ["queued", "running", "completed", "failed"]),
        "created_at": .string("When it was dispatched (ISO 8601 UTC)."), "thread_id": .string("Its thread (pass it to ask a follow-up).").nullable,
        "completed_at": time("When it ended."), "result": result,
        "error": JSONSchema.object("The error, on failed.", properties: [
            "code": .string("cancelled, source_unavailable, interrupted (a restart stopped it), internal_error…"),
            "message": .string("What happened."),
        ], required: ["code", "message"]).nullable,
    ], required: ["run_id", "object", "status", "created_at", "thread_id"])

    /// A thread in a list.
    static let threadSummary = JSONSchema.object("A thread.", properties: [
        "thread_id": .string("The thread's id."), "object": .string("agent.thread", enum: ["agent.thread"]),
        "created_at": .string("When its first run was dispatched."), "run_count": .integer("How many runs it has.", in: 0...Int64.max),
        "run_ids": .array("Its runs, oldest first.", of: .string("run_…")),
        "first_query": .string("The question that started it."), "last_query": .string("Its latest question."),
    ], required: ["thread_id", "object", "created_at", "run_count", "run_ids"])

    /// A report, as report_generate and report_get return it.
    static let report = JSONSchema.object("A research report.", properties: [
        "report_id": .string("rep_…"), "topic": .string("What it is about."), "thread_id": .string("The thread of its runs."),
        "created_at": .string("When it was asked for."), "completed_at": .string("When it ended."),
        "status": .string("pending, in_progress, completed or failed.", enum: ["pending", "in_progress", "completed", "failed"]),
        "sections": .array("Its sections, in order.", of: .object("A section.", properties: [
            "question": .string("The section's question."), "run_id": .string("The run that answers it."),
            "status": .string("The run's status.", enum: ["queued", "running", "completed", "failed"]),
        ], required: ["question", "run_id", "status"])),
        "events": .array("Progress events from since_index.", of: .object("An event.", properties: [
            "id": .integer("Its number, from 0.", in: 0...Int64.max),
            "data": .object("What happened.", properties: ["event_type": .string("progress, completed, failed or cancelled."), "message": .string("In words.")],
                            required: ["event_type", "message"]),
        ], required: ["id", "data"])),
        "result": JSONSchema.object("The report, on completed.", properties: [
            "title": .string("Its title."), "markdown": .string("The whole report in Markdown, with a chart image per section and [n] citations."),
            "cards": .array("The cards cited, in citation order.", of: card), "web_results": .array("The web results cited, after the cards.", of: webResult),
            "run_ids": .array("The runs of its sections.", of: .string("run_…")),
        ], required: ["title", "markdown", "cards", "web_results"]).nullable,
        "error": JSONSchema.object("The error, on failed.", properties: ["code": .string("cancelled, interrupted…"), "message": .string("What happened.")],
                                   required: ["code", "message"]),
    ], required: ["report_id", "topic", "status", "created_at", "sections", "events"])
}
