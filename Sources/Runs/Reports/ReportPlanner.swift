public import Knowledge

/// Plans a report: the questions its sections answer, each by a run of its own.
///
/// Sections given by the caller are kept as they are. Otherwise they come from how the topic
/// reads: the topic itself first, then each subject alone (when it names several), each further
/// measure, and a ranking of the first measure, as far as the knowledge base has them.
public struct ReportPlanner: Sendable {
    /// The knowledge base the topic is read against.
    public let base: KnowledgeBase
    /// The most sections a report has.
    public static let maxSections = 6

    /// A planner over `base`.
    public init(base: KnowledgeBase) { self.base = base }

    /// The section questions for `topic`, or `requested` when given (trimmed, without empties or repeats).
    public func sections(topic: String, requested: [String]?) -> [String] {
        if let requested {
            return Self.unique(requested.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }).prefix(Self.maxSections).map { $0 }
        }
        let read = base.search(SearchRequest(text: topic, effort: .medium, count: 1))
        guard read.notice?.unanswerable != true else { return [topic] }
        let reading = read.interpretation
        let measures = reading.measures.map(RunPlanner.withoutDataset)
        let range = reading.timeRange.map { " " + Self.rangePhrase($0) } ?? ""
        let subjects = reading.entities.filter { !$0.hasPrefix("world") }
        var questions = [topic]
        if let measure = measures.first, subjects.count >= 2 {
            questions += subjects.prefix(4).map { "\(measure) of \($0)\(range)" }
        }
        if measures.count >= 2 {
            let who = subjects.isEmpty ? "" : " of " + subjects.prefix(4).joined(separator: " and ")
            questions += measures.dropFirst().prefix(2).map { "\($0)\(who)\(range)" }
        }
        if let measure = measures.first, !subjects.isEmpty {
            let year = reading.timeRange.flatMap(Self.lastYear).map { " in \($0)" } ?? ""
            questions.append("Which have the highest \(measure.lowercasedFirst())\(year)?")
        }
        return Array(Self.unique(questions).prefix(Self.maxSections))
    }

    /// The range as words a question can carry: "since 1990", "from 2008 to 2010", "in 2007".
    static func rangePhrase(_ range: String) -> String {
        if range.hasPrefix("since ") || range.hasPrefix("the last ") || range.hasPrefix("up to ") { return range }
        let collapsed = RunPlanner.collapsed(range)
        return collapsed.contains(" to ") ? "from \(collapsed)" : "in \(collapsed)"
    }

    /// The last year of a range in words ("1990 to 2007" → 2007, "2007" → 2007).
    static func lastYear(_ range: String) -> Int? {
        guard !range.hasPrefix("since "), !range.hasPrefix("the last ") else { return nil }
        return range.split(separator: " ").last.flatMap { Int($0) }
    }

    /// `items` without repeats, first kept.
    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0.lowercased()).inserted }
    }
}

extension String {
    /// The text with its first letter lower-cased unless it starts an acronym ("GDP per capita").
    func lowercasedFirst() -> String {
        guard let first, first.isUppercase else { return self }
        if let second = dropFirst().first, second.isUppercase { return self }
        return first.lowercased() + dropFirst()
    }
}
