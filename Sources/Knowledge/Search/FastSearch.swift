/// `fast`: the best base cards from the index, optionally only those with data in the time range.
extension KnowledgeBase {
    /// Reads a question (with the request's country and follow-up folded in).
    func parse(_ request: SearchRequest) -> ParsedQuery {
        var query = QueryParser(index: index, lexicon: lexicon).parse(request.text)
        if let country = request.country {
            let extra = QueryParser(index: index, lexicon: lexicon).parse(country)
            for name in extra.entities where !query.entities.contains(name) { query.entities.insert(name, at: 0) }
            for term in extra.terms where !query.terms.contains(where: { $0.term == term.term }) { query.terms.append((term.term, 1.5)) }
            if extra.entities.isEmpty { query.unknown += extra.unknown.isEmpty ? [country] : extra.unknown }
        }
        if let previous = request.previousCardID.flatMap(card(id:)) { FollowUp.merge(previous, into: &query, base: self) }
        return query
    }

    /// The `count` best base cards for `query`, scored 1–5 relative to the best.
    func fastCards(_ query: ParsedQuery, count: Int) -> [KnowledgeCard] {
        let filter: ((Int) -> Bool)? = query.timeRange.map { range in
            { [self] document in hasData(cards[document], in: range) }
        }
        var terms = query.terms
        // Names the question was folded with (country, follow-up) count even if the text lacks them.
        for name in query.entities {
            for term in Tokenizer.terms(name) where !terms.contains(where: { $0.term == term }) { terms.append((term, 1)) }
        }
        // Rerank a wider pool: cards about a named subject first, one card per ranking family.
        var pool: [(card: Int, score: Float)] = []
        var families: Set<String> = []
        for hit in index.search(terms, limit: max(count * 6, 30), filter: filter) {
            let card = cards[hit.document]
            if case .ranking(let key) = card.recipe, query.timeRange == nil {
                guard families.insert("\(key.dataset).\(key.measure).\(key.group?.value ?? "")").inserted else { continue }
            }
            let subjects = subjectNames(card)
            let exact = query.entities.filter(subjects.contains).count
            pool.append((hit.document, hit.score * (1 + 0.3 * Float(exact))))
        }
        pool.sort { $0.score != $1.score ? $0.score > $1.score : $0.card < $1.card }
        guard let best = pool.first?.score, best > 0 else { return [] }
        return pool.prefix(count).map { hit in
            var card = cards[hit.card]
            card.relevanceScore = Self.relevance(hit.score, best: best)
            return card
        }
    }

    /// The names a card is about (not the groups it belongs to): Brazil, not Americas.
    func subjectNames(_ card: KnowledgeCard) -> [String] {
        switch card.recipe {
        case .series(let index, _): corpus.series[index].scope.entityNames
        case .comparison(let indexes, _): indexes.flatMap { corpus.series[$0].scope.entityNames }
        case .correlation(let a, let b, _): corpus.series[a].scope.entityNames + corpus.series[b].scope.entityNames
        case .ranking(let key): key.group.map { [$0.value] } ?? []
        case .record(_, let key): key.names
        case .summary(_, _, let entity): entity.map { [$0] } ?? []
        }
    }

    /// A score as 1–5 relative to the best hit, two decimals.
    static func relevance(_ score: Float, best: Float) -> Double {
        (Double(1 + 4 * score / best) * 100).rounded() / 100
    }

    /// Whether a card has values within `range` (cards without time always do).
    func hasData(_ card: KnowledgeCard, in range: TimeRange) -> Bool {
        switch card.recipe {
        case .series(let index, _): range.window(for: corpus.series[index]) != nil
        case .ranking(let key): key.period.map { period in
            let first = range.firstYear ?? Int.min, last = range.lastYear ?? Int.max
            return (first...last).contains(period.year)
        } ?? true
        default: true
        }
    }
}
