import Store
import JSON
import Knowledge

/// `card_get`: one knowledge card whole, its data paged.
struct CardGetTool: Tool {
    struct Arguments: ToolArguments {
        var card_id: String
        var row_offset: Int?
        var max_rows: Int?

        static let schema = JSONSchema.object(properties: [
            "card_id": .string("A card_id from a search result (also derived ones such as vs~…~… or …@1990..2007).", minLength: 1, maxLength: 1000),
            "row_offset": .integer("The first data row to return (0-based); use it to page through long data.", in: 0...10_000_000, default: 0),
            "max_rows": .integer("Most data rows to return, 1-2000 (default 2000); content.truncated says whether rows were left out.",
                                 in: 1...2000, default: 2000),
        ], required: ["card_id"])
    }

    static let name = "card_get"
    static let title = "Get a knowledge card"
    static let description = """
        Get one knowledge card whole by card_id: title, description with its figures, sources with licence, \
        methodologies and its data as CSV, paged with row_offset and max_rows. The CSV is in content.data; \
        content.truncated is true when rows were left out.
        """
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.knowledge

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let base = KnowledgeBase.embedded
        let card = try KnowledgeCards.card(arguments.card_id, in: base)
        return .structured(base.json(of: card, offset: arguments.row_offset ?? 0, maxRows: arguments.max_rows ?? 2000))
    }
}

/// Card look-up shared by the card tools and resources.
enum KnowledgeCards {
    /// The card `id`, or `not_found` saying how to find one.
    static func card(_ id: String, in base: KnowledgeBase) throws -> KnowledgeCard {
        guard let card = base.card(id: id) else {
            throw ToolFailure(code: .notFound,
                              message: "no card \(id); use a card_id from a knowledge_search result (ids are case-sensitive)",
                              details: ["entity": "card", "id": .string(id), "field": "card_id"])
        }
        return card
    }
}
