public import Knowledge

/// An earlier run of the thread, as far as a follow-up needs it.
public struct PriorRun: Sendable, Equatable {
    /// The question as asked.
    public var query: String
    /// The question as the run resolved it.
    public var resolvedQuery: String
    /// The cards the run cited, lead first.
    public var cardIDs: [String]

    /// A prior run.
    public init(query: String, resolvedQuery: String, cardIDs: [String]) {
        self.query = query
        self.resolvedQuery = resolvedQuery
        self.cardIDs = cardIDs
    }
}

/// What a run found in the knowledge base, and how it read the question.
public struct Findings: Sendable {
    /// The knowledge search's answer: cards, interpretation, and what the data lacks.
    public var search: SearchResult
    /// The card of an earlier run this question followed up on, if it was a follow-up.
    public var followedUp: String?
    /// The question as resolved: its measures, subjects and range in words.
    public var resolvedQuery: String
}

/// Plans a run: reads the question with the knowledge base's parser, decides whether it follows
/// up on the thread ("and in 2007?", "what about India?", "how about MSFT?") and, if so, which
/// earlier card fills in what it leaves out, then runs the medium knowledge search that builds
/// cards and figures for it.
public struct RunPlanner: Sendable {
    /// The knowledge base searched.
    public let base: KnowledgeBase
    /// How many cards a run cites at most.
    public var cardCount: Int

    /// A planner over `base`.
    public init(base: KnowledgeBase, cardCount: Int = 5) {
        self.base = base
        self.cardCount = cardCount
    }

    /// Searches for `query`, following up on the latest run of `thread` (oldest first) that
    /// cited a card, when the question is a follow-up.
    ///
    /// A question is a follow-up when it opens with a follow-up cue ("and", "what about", "how
    /// about", "same for", "in 2007", …) or, read alone, names no measure and nothing the
    /// knowledge base lacks ("India?"); a question with a measure of its own and no cue, or one
    /// about something the data does not have ("Tesla's revenue"), stands alone even in a thread.
    public func research(_ query: String, thread: [PriorRun]) -> Findings {
        let alone = base.search(SearchRequest(text: query, effort: .medium, count: cardCount))
        let elliptical = alone.interpretation.measures.isEmpty && alone.notice == nil
        guard let previous = thread.last(where: { !$0.cardIDs.isEmpty }), FollowUpCue.opens(query) || elliptical else {
            return Findings(search: alone, followedUp: nil, resolvedQuery: Self.describe(alone, asked: query))
        }
        let lead = previous.cardIDs[0]
        let merged = base.search(SearchRequest(text: query, effort: .medium, count: cardCount, previousCardID: lead))
        return Findings(search: merged, followedUp: lead, resolvedQuery: Self.describe(merged, asked: query))
    }

    /// The question in words from how it was read: "Life expectancy at birth · Brazil · 2007";
    /// the question itself when nothing was recognised. Measures the cards do not show (a word
    /// read as another data set's measure) are left out when some remain.
    static func describe(_ result: SearchResult, asked: String) -> String {
        let reading = result.interpretation
        let shown = Set(result.cards.flatMap(\.measures))
        var measures = reading.measures.map(Self.withoutDataset)
        if measures.contains(where: shown.contains) { measures = measures.filter(shown.contains) }
        guard !measures.isEmpty || !reading.entities.isEmpty else { return asked }
        var parts: [String] = []
        if !measures.isEmpty { parts.append(measures.joined(separator: " / ")) }
        if !reading.entities.isEmpty { parts.append(reading.entities.joined(separator: " vs ")) }
        parts.append(reading.timeRange.map(Self.collapsed) ?? "all periods")
        let intents = reading.intents.filter { $0 != "deep" }
        if !intents.isEmpty { parts.append(intents.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    /// "2007 to 2007" as "2007".
    static func collapsed(_ range: String) -> String {
        let parts = range.split(separator: " to ").map(String.init)
        return parts.count == 2 && parts[0] == parts[1] ? parts[0] : range
    }

    /// "Life expectancy at birth (gapminder)" without its data set: "Life expectancy at birth".
    static func withoutDataset(_ label: String) -> String {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return label }
        return String(label[..<open]).trimmingTrailingSpaces()
    }
}

/// The openings that mark a question as a follow-up of the one before.
enum FollowUpCue {
    /// Cue phrases, lower-case, that mark a follow-up at the start of any question.
    static let strong = [
        "and ", "and?", "what about", "how about", "what of", "same for", "same but", "same thing", "now for", "now do",
        "compared to", "compared with", "compare with", "versus", "vs ", "vs. ", "instead",
    ]
    /// Openings that mark a follow-up only in a short question ("in 2007?", but not "In which
    /// country was life expectancy highest?").
    static let weak = ["in ", "for ", "also ", "then ", "or ", "but ", "only ", "just ", "what if"]
    /// The most words a question opening with a weak cue may have.
    static let shortQuestion = 5

    /// Whether `query` opens with a cue.
    static func opens(_ query: String) -> Bool {
        let text = query.lowercased().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        if strong.contains(where: { text.hasPrefix($0) }) { return true }
        return text.split(separator: " ").count <= shortQuestion && weak.contains { text.hasPrefix($0) }
    }
}

extension String {
    /// The text without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
