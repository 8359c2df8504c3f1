/// Chooses an effort for `auto` from how complex a question is, and says why.
enum EffortResolver {
    /// The effort for `query` when `requested` is auto (else `requested`), with the reason.
    ///
    /// Points: two or more subjects (1), three or more (1 more), two or more measures (1), a
    /// comparison, ranking, growth, extremes, share, average or correlation asked for (1), a time
    /// range (1), words asking for a report or analysis (3). 0 → fast; 1–3 → medium; 4+ → deep.
    static func resolve(_ query: ParsedQuery, requested: SearchEffort) -> (effort: SearchEffort, reason: String) {
        guard requested == .auto else { return (requested, "\(requested.rawValue) as requested") }
        var points = 0
        var reasons: [String] = []
        // "USA" (a car origin) and "United States" are one subject: count distinct names as words.
        let subjects = Set(query.entities.map { Tokenizer.terms($0).joined(separator: " ") }).count + (query.world ? 1 : 0)
        if subjects >= 2 { points += 1; reasons.append("\(subjects) subjects") }
        if subjects >= 3 { points += 1 }
        if query.measures.count >= 2 { points += 1; reasons.append("\(query.measures.count) measures") }
        let asked = query.intents.subtracting([.deep]).map(\.rawValue).sorted()
        if !asked.isEmpty { points += 1; reasons.append("asks for " + Phrases.list(asked)) }
        if let range = query.timeRange { points += 1; reasons.append("a time range (\(range))") }
        if query.intents.contains(.deep) { points += 3; reasons.append("asks for an analysis") }
        let effort: SearchEffort = points == 0 ? .fast : points <= 3 ? .medium : .deep
        let why = reasons.isEmpty ? "a simple lookup" : Phrases.list(reasons)
        return (effort, "auto → \(effort.rawValue): \(why) (complexity \(points); 0 fast, 1–3 medium, 4+ deep)")
    }
}
