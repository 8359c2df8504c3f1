/// What a question asks, as far as the knowledge base can tell: the entities and measures it
/// names, the time range, what it wants computed, and the words the data does not know.
public struct ParsedQuery: Sendable {
    /// What the question wants done with the data.
    public enum Intent: String, Sendable, CaseIterable {
        /// Two or more subjects side by side.
        case compare
        /// The highest or lowest subjects.
        case rank
        /// How values changed.
        case growth
        /// When a value peaked or bottomed out.
        case extremes
        /// An average.
        case average
        /// A part of a total.
        case share
        /// Whether two measures move together.
        case correlation
        /// A thorough, multi-part answer.
        case deep
    }

    /// The question as asked.
    public var text: String
    /// The question's words after aliases and spelling corrections.
    public var words: [String]
    /// Spelling corrections made: (as typed, as indexed).
    public var corrections: [(from: String, to: String)]
    /// The weighted terms for the index.
    public var terms: [(term: String, weight: Float)]
    /// Content words the knowledge base has nothing on.
    public var unknown: [String]
    /// The time range asked for.
    public var timeRange: TimeRange?
    /// What the question wants computed.
    public var intents: Set<Intent>
    /// For rankings: whether the lowest come first.
    public var lowestFirst: Bool
    /// For rankings: how many entries were asked for ("top 5").
    public var topCount: Int?
    /// Entity and group names, in the order mentioned.
    public var entities: [String]
    /// Whether the question names the world (all entities).
    public var world: Bool
    /// Measures the words point at, best first.
    var measures: [MeasureKey]
    /// The card this question follows up on, if any.
    public var followsUp: String?
}

/// Words that signal intents, as the tokenizer writes them.
enum IntentWords {
    /// Intent by word.
    static let table: [String: ParsedQuery.Intent] = {
        var table: [String: ParsedQuery.Intent] = [:]
        let groups: [(ParsedQuery.Intent, [String])] = [
            (.compare, ["vs", "v", "versu", "versus", "compare", "compared", "comparing", "comparison", "against", "relative", "differ", "difference"]),
            (.rank, ["highest", "lowest", "top", "bottom", "most", "least", "largest", "smallest", "biggest", "rank", "ranking", "ranked",
                     "richest", "poorest", "best", "worst", "leading", "longest", "shortest", "hottest", "coldest", "wettest", "driest"]),
            (.growth, ["growth", "grow", "grew", "grown", "growing", "increase", "increased", "rise", "rose", "risen", "change", "changed",
                       "decline", "declined", "fall", "fell", "drop", "dropped", "trend", "evolve", "evolved", "evolution"]),
            (.extremes, ["peak", "peaked", "maximum", "max", "minimum", "min", "record", "low", "high", "trough"]),
            (.average, ["average", "mean", "typical", "median"]),
            (.share, ["share", "proportion", "fraction", "percentage"]),
            (.correlation, ["correlation", "correlate", "correlated", "relationship", "related", "relation", "link", "linked"]),
            (.deep, ["report", "analysis", "analyze", "analyse", "depth", "research", "explain", "comprehensive", "detailed",
                     "breakdown", "thorough", "deep"]),
        ]
        for (intent, words) in groups { for word in words { table[Tokenizer.stem(word)] = intent } }
        return table
    }()

    /// Words that make a ranking lowest-first.
    static let lowest: Set<String> = ["lowest", "bottom", "least", "smallest", "poorest", "worst", "shortest", "coldest", "driest"]

    /// Words about time or quantity that are understood without being data ("years", "ago").
    static let understood: Set<String> = Set(TimeRangeReader.numbers.keys).union([
        "year", "month", "quarter", "day", "hour", "decade", "ago", "recent", "previou", "previous", "last", "past", "first",
        "latest", "current", "now", "today", "time", "period", "so", "far", "yet", "still", "again", "both", "either", "other", "same",
        "level", "rate", "value", "figure", "statistic", "stat", "trend", "over", "more", "less", "fewer", "greater", "higher", "lower",
        "country", "nation", "per", "total", "overall", "world", "happen", "happened", "doing", "did", "go", "gone", "went",
        "been", "become", "became", "compare", "which", "one", "look", "like", "chart", "graph", "plot", "list", "among",
    ])
}
