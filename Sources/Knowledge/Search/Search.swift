/// The entry point: `search` answers fast and medium requests (and says when `auto` means deep);
/// `DeepSearch` runs deep ones step by step.
extension KnowledgeBase {
    /// The effort `request` resolves to, with the reason, without searching.
    public func resolveEffort(_ request: SearchRequest) -> (effort: SearchEffort, reason: String) {
        EffortResolver.resolve(parse(request), requested: request.effort)
    }

    /// Answers `request` at its effort; a deep request (or auto resolving to deep) is answered
    /// here too, synchronously — callers that want it asynchronous run `DeepSearch` in a task.
    public func search(_ request: SearchRequest) -> SearchResult {
        let query = parse(request)
        let (effort, reason) = EffortResolver.resolve(query, requested: request.effort)
        switch effort {
        case .deep, .auto:
            return DeepSearch(base: self, request: request).run { _ in }
        case .fast:
            return finish(query, cards: fastCards(query, count: request.count), outOfRange: [], effort: .fast, reason: reason)
        case .medium:
            var (cards, outOfRange) = mediumCards(query, count: request.count)
            var why = reason
            if cards.isEmpty && outOfRange.isEmpty {
                cards = fastCards(query, count: request.count)
                why += "; no series matched the question's subjects and measures, so these are the index's best cards"
            }
            return finish(query, cards: cards, outOfRange: outOfRange, effort: .medium, reason: why)
        }
    }

    /// The result, with the notice when the knowledge base lacks what was asked.
    func finish(_ query: ParsedQuery, cards: [KnowledgeCard], outOfRange: [String], effort: SearchEffort, reason: String) -> SearchResult {
        let notice = Answerability.notice(query, cards: cards, outOfRange: outOfRange, base: self)
        return SearchResult(cards: notice?.unanswerable == true ? [] : cards, resolvedEffort: effort, resolution: reason,
                            interpretation: interpretation(query), notice: notice)
    }

    /// How `query` was read.
    func interpretation(_ query: ParsedQuery) -> Interpretation {
        Interpretation(
            entities: query.entities + (query.world ? ["world (all entities)"] : []),
            measures: query.measures.compactMap { key in measureLabel(key) },
            timeRange: query.timeRange?.description, corrections: query.corrections.map { "\($0.from) → \($0.to)" },
            intents: query.intents.map(\.rawValue).sorted(), followsUp: query.followsUp)
    }

    /// The label of a measure, with its data set: "Life expectancy at birth (gapminder)".
    func measureLabel(_ key: MeasureKey) -> String? {
        let dataset = corpus.datasets[key.dataset]
        guard let column = dataset.columns.first(where: { Slug.make($0.name) == key.measure }) else {
            return key.measure == "count" ? "Number of \(Plural.of(CountedNoun.of(dataset))) (\(dataset.id))" : nil
        }
        return "\(column.label) (\(dataset.id))"
    }
}

/// Decides when the knowledge base cannot answer, and says so with the nearest data it has.
enum Answerability {
    /// The notice for `query`, or nil when everything it asks is covered.
    ///
    /// Unanswerable: it uses words the data does not know and names no measure the data has, or
    /// names a measure of entities but no entity the data has ("Wakanda's life expectancy"); or
    /// every series it matched lacks the asked period.
    static func notice(_ query: ParsedQuery, cards: [KnowledgeCard], outOfRange: [String], base: KnowledgeBase) -> KnowledgeNotice? {
        let entityMeasures = query.measures.allSatisfy { !base.corpus.datasets[$0.dataset].columnIndexes(.entity).isEmpty }
        let missingConcept = !query.unknown.isEmpty && (query.measures.isEmpty || (query.entities.isEmpty && !query.world && entityMeasures))
        let missingPeriod = cards.isEmpty && !outOfRange.isEmpty
        guard missingConcept || missingPeriod || !query.unknown.isEmpty || !outOfRange.isEmpty else { return nil }
        var missing = query.unknown
        var parts: [String] = []
        if !query.unknown.isEmpty {
            parts.append("Not in the knowledge base: \(Phrases.list(query.unknown.map { "\"\($0)\"" })) (no data set, entity or measure by that name).")
        }
        if let range = query.timeRange, !outOfRange.isEmpty {
            missing.append(range.description)
            parts.append("No data for \(range) in: \(outOfRange.joined(separator: "; ")).")
        }
        let unanswerable = missingConcept || missingPeriod
        let nearest = nearestCards(query, base: base, shown: unanswerable ? [] : cards)
        if unanswerable {
            parts.append(nearest.isEmpty ? "It has nothing close." : "The nearest data it has: \(nearest.map(\.title).joined(separator: "; ")).")
        } else {
            parts.append("The cards answer the rest of the question.")
        }
        return KnowledgeNotice(unanswerable: unanswerable, message: parts.joined(separator: " "), missing: missing, nearest: nearest)
    }

    /// Up to three base cards for the known part of the question, not already shown.
    static func nearestCards(_ query: ParsedQuery, base: KnowledgeBase, shown: [KnowledgeCard]) -> [(id: String, title: String)] {
        var relaxed = query
        relaxed.timeRange = nil
        let ids = Set(shown.map(\.id))
        return base.fastCards(relaxed, count: 6).filter { !ids.contains($0.id) }.prefix(3).map { ($0.id, $0.title) }
    }
}
