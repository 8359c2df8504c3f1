/// How hard a search works (the seeds' `search_effort`).
public enum SearchEffort: String, Sendable, CaseIterable {
    /// The best cards from the index.
    case fast
    /// Cards built for the question: comparisons and derived figures.
    case medium
    /// A planned, multi-part search run as a task, with progress.
    case deep
    /// Chosen from the question's complexity.
    case auto
}

/// A knowledge search.
public struct SearchRequest: Sendable, Equatable {
    /// The question.
    public var text: String
    /// How hard to work.
    public var effort: SearchEffort
    /// How many cards at most.
    public var count: Int
    /// A country (or other entity) the question is about, if the caller knows it.
    public var country: String?
    /// A card from an earlier answer this question follows up on.
    public var previousCardID: String?

    /// Creates a request.
    public init(text: String, effort: SearchEffort = .auto, count: Int = 5, country: String? = nil, previousCardID: String? = nil) {
        self.text = text
        self.effort = effort
        self.count = count
        self.country = country
        self.previousCardID = previousCardID
    }
}

/// The answer to a search: cards, what effort was used and why, and what the knowledge base lacks.
public struct SearchResult: Sendable {
    /// The cards, best first.
    public var cards: [KnowledgeCard]
    /// The effort used (never `auto`).
    public var resolvedEffort: SearchEffort
    /// Why that effort, in words ("auto → medium: a comparison of 2 entities").
    public var resolution: String
    /// How the question was read.
    public var interpretation: Interpretation
    /// Set when the knowledge base cannot answer (all or part of) the question.
    public var notice: KnowledgeNotice?
}

/// How a question was read, for the caller to check.
public struct Interpretation: Sendable, Equatable {
    /// Entity and group names found.
    public var entities: [String]
    /// Measure labels found or inferred.
    public var measures: [String]
    /// The time range, in words.
    public var timeRange: String?
    /// Spelling corrections: "brazill → brazil".
    public var corrections: [String]
    /// What the question asks for: compare, rank, growth….
    public var intents: [String]
    /// The card followed up on, if any.
    public var followsUp: String?
}

/// What the knowledge base does not have, and the nearest it does.
public struct KnowledgeNotice: Sendable, Equatable {
    /// Whether nothing could be answered (the cards are then empty).
    public var unanswerable: Bool
    /// "Not in the knowledge base: …", saying what is missing.
    public var message: String
    /// The words or periods it has nothing on.
    public var missing: [String]
    /// The nearest cards it has: (id, title).
    public var nearest: [(id: String, title: String)]

    public static func == (lhs: KnowledgeNotice, rhs: KnowledgeNotice) -> Bool {
        lhs.unanswerable == rhs.unanswerable && lhs.message == rhs.message && lhs.missing == rhs.missing
            && lhs.nearest.map(\.id) == rhs.nearest.map(\.id)
    }
}
