import Store
import JSON

/// Output schemas of the knowledge tools.
enum KnowledgeSchemas {
    /// One card in the seeds' shape.
    static let card = JSONSchema.object("A knowledge card.", properties: [
        "card_id": .string("Stable id; pass it to card_get, card_chart or previous_card_id."),
        "title": .string("The title."),
        "description": .string("The figures, each with its period and unit, and the source."),
        "semantic_description": .string("What the card covers."),
        "webpage_url": .string("tak://cards/{card_id}"),
        "image_url": .string("tak://cards/{card_id}/chart.svg"),
        "embed_url": .string("tak://cards/{card_id}"),
        "sources": .array("Where the numbers come from.", of: .object(additionalProperties: true)),
        "methodologies": .array("How the figures are computed.", of: .object(additionalProperties: true)),
        "source_indexes": .array("Always [\"data\"].", of: .string("An index.")),
        "card_type": .string("timeseries, comparison, ranking, record, summary or correlation."),
        "content": .object("The card's data.", properties: [
            "cost": .integer("Always 0: the data is local.", in: 0...0),
            "data": .string("CSV with a header row."),
            "total_rows": .integer("Rows in the whole table.", in: 0...Int64.max),
            "truncated": .boolean("Whether rows were left out (page with card_get)."),
            "row_offset": .integer("The first row included.", in: 0...Int64.max),
        ], required: ["cost", "data", "total_rows", "truncated"]),
        "figures": .array("The description's numbers as values.", of: .object(additionalProperties: true)),
        "relevance_score": .any("1-5 against the query (5 = best), or null outside a search."),
    ], required: ["card_id", "title", "description", "sources", "card_type", "content"], additionalProperties: true)

    /// `knowledge_search`'s result: cards, or a task for a deep search.
    static let searchOutput = JSONSchema.object(properties: [
        "knowledge_cards": .array("The cards, best first (fast and medium).", of: card),
        "resolved_effort": .string("The effort used.", enum: ["fast", "medium", "deep"]),
        "resolution": .string("Why that effort (for auto) and how the search went."),
        "interpretation": .object("How the question was read.", additionalProperties: true),
        "not_in_knowledge_base": .object("Set when the data cannot answer (all or part of) the question.", additionalProperties: true),
        "task_id": .string("For deep: the task to poll with knowledge_search_status."),
        "status": .string("For deep: pending.", enum: ["pending"]),
        "message": .string("For deep: what to do next."),
        "locale": .string("The language of the descriptions."),
        "notes": .array("What of the request could not be honoured.", of: .string("A note.")),
    ], required: ["resolved_effort", "resolution"])

    /// `knowledge_search_status`'s result.
    static let statusOutput = JSONSchema.object(properties: [
        "task_id": .string("The task."),
        "status": .string("Where it stands.", enum: ["pending", "in_progress", "completed", "failed", "cancelled"]),
        "created_at": .string("When it was created (ISO 8601).", format: "date-time"),
        "updated_at": .string("When it last changed (ISO 8601).", format: "date-time"),
        "events": .array("Events from since_index on, oldest first.", of: .object(properties: [
            "id": .integer("The event's number.", in: 0...Int64.max),
            "data": .object("event_type (progress, completed, failed, cancelled) and message.", additionalProperties: true),
        ], required: ["id", "data"])),
        "result": .object("Once completed: knowledge_cards and the rest of a search result.", additionalProperties: true),
        "error": .object("Once failed: code and message.", additionalProperties: true),
    ], required: ["task_id", "status", "created_at", "events"])
}
