/// `deep`: plans sub-queries (each subject × measure), adds context (the subject's group and
/// all entities), joins the series into comparisons and correlations, ranks, and assembles
/// several cards, reporting each step. Pure: `run` calls `report` between steps, and a task
/// runner makes that asynchronous, durable and cancellable.
public struct DeepSearch: Sendable {
    /// One step's progress.
    public struct Progress: Sendable, Equatable {
        /// The step, from 1.
        public var step: Int
        /// How many steps the plan has.
        public var total: Int
        /// What the step did, in words.
        public var message: String
    }

    /// The knowledge base searched.
    public let base: KnowledgeBase
    /// The request.
    public let request: SearchRequest

    /// A deep search of `request` in `base`.
    public init(base: KnowledgeBase, request: SearchRequest) {
        self.base = base
        self.request = request
    }

    /// Runs the plan, calling `report` after each step (it may throw to stop the search).
    public func run(_ report: (Progress) throws -> Void) rethrows -> SearchResult {
        let query = base.parse(request)
        let resolver = SeriesResolver(base: base)
        let measures = query.measures.isEmpty ? resolver.inferredMeasures(query, limit: 3) : Array(query.measures.prefix(3))
        let subQueries = measures.map { ($0, resolver.seriesOf($0, query)) }.filter { !$0.1.isEmpty }
        let total = 4 + subQueries.reduce(0) { $0 + $1.1.count }
        var step = 0
        func emit(_ message: String) throws {
            step += 1
            try report(Progress(step: step, total: total, message: message))
        }
        let read = base.interpretation(query)
        try emit("Read the question: subjects \(read.entities.isEmpty ? "none named" : Phrases.list(read.entities)); measures "
            + "\(read.measures.isEmpty ? "inferred from the index" : Phrases.list(read.measures)); range \(read.timeRange ?? "all periods").")
        var windows: [Int: PeriodWindow?] = [:]
        var outOfRange: [String] = []
        for (_, series) in subQueries {
            for index in series {
                let item = base.corpus.series[index]
                let window = query.timeRange.map { $0.window(for: item) } ?? .some(nil)
                let subject = base.corpus.subjectLabel(item)
                if let window {
                    windows[index] = window
                    let shown = window ?? item.span!
                    try emit("Sub-query: \(subject) · \(Phrases.lowerFirst(item.measure.label)) → \(item.points(in: shown).count) values, \(shown.label).")
                } else {
                    outOfRange.append(base.corpus.seriesTitle(item, window: item.span!))
                    try emit("Sub-query: \(subject) · \(Phrases.lowerFirst(item.measure.label)) → no values in \(query.timeRange!).")
                }
            }
        }
        // Cards in the order they are worth reading: joined views first, single series last.
        var cards: [KnowledgeCard] = []
        var singles: [KnowledgeCard] = []
        let comparisons = ComparisonCardWriter(corpus: base.corpus), seriesWriter = SeriesCardWriter(corpus: base.corpus)
        var joined = 0
        for (_, series) in subQueries {
            let present = series.filter { windows[$0] != nil }
            if present.count >= 2, let card = comparisons.comparison(present, window: commonRange(present, query)) { cards.append(card); joined += 1 }
            for index in present {
                if let card = seriesWriter.card(series: index, window: windows[index] ?? nil) { singles.append(card) }
            }
        }
        try emit("Joined the series: \(joined) comparison(s) of subjects on common periods.")
        let context = contextCards(subQueries.flatMap(\.1).filter { windows[$0] != nil }, query: query)
        cards += context
        var correlations = 0
        if subQueries.count >= 2 {
            for a in subQueries[0].1 where windows[a] != nil {
                for b in subQueries[1].1 where windows[b] != nil && base.corpus.series[a].scope == base.corpus.series[b].scope {
                    if let card = comparisons.correlation(a, b, window: commonRange([a, b], query)) { cards.append(card); correlations += 1 }
                }
            }
        }
        try emit("Computed statistics: \(context.count) context comparison(s) with groups and totals, \(correlations) correlation(s).")
        var ranked = query
        ranked.intents.insert(.rank)
        for (key, _) in subQueries.prefix(2) {
            if let ranking = base.mediumCards(restricted(ranked, to: key), count: 1).cards.first, ranking.kind == .ranking { cards.append(ranking) }
        }
        cards += singles
        var seen: Set<String> = []
        cards = cards.filter { seen.insert($0.id).inserted }
        let count = max(request.count, 1)
        try emit("Assembled \(min(cards.count, count)) card(s) from \(subQueries.reduce(0) { $0 + $1.1.count }) series.")
        var result = base.finish(query, cards: Array(cards.prefix(count)).enumerated().map { position, card in
            var card = card
            card.relevanceScore = max(1, 5 - 0.25 * Double(position))
            return card
        }, outOfRange: outOfRange, effort: .deep, reason: "")
        let (_, reason) = EffortResolver.resolve(query, requested: request.effort)
        result.resolution = "\(reason); plan: \(total) steps, \(subQueries.count) measure(s), \(windows.count + outOfRange.count) sub-queries"
        if cards.isEmpty && result.notice == nil {
            result.cards = base.fastCards(query, count: count)
            result.resolution += "; no series matched, so these are the index's best cards"
        }
        return result
    }

    /// The range of `query` as a window of the first series, for comparisons.
    private func commonRange(_ series: [Int], _ query: ParsedQuery) -> PeriodWindow? {
        guard let first = series.first else { return nil }
        return query.timeRange.flatMap { $0.window(for: base.corpus.series[first]) }
    }

    /// `query` asking about one measure only.
    private func restricted(_ query: ParsedQuery, to key: MeasureKey) -> ParsedQuery {
        var copy = query
        copy.measures = [key]
        return copy
    }

    /// For entities of averaged measures: the entity beside its group and all entities.
    private func contextCards(_ series: [Int], query: ParsedQuery) -> [KnowledgeCard] {
        let corpus = base.corpus
        let writer = ComparisonCardWriter(corpus: corpus)
        var cards: [KnowledgeCard] = []
        for index in series {
            let item = corpus.series[index]
            guard case .entity(_, let groups) = item.scope, item.measure.aggregate == .mean else { continue }
            var members = [index]
            for group in groups { if let series = corpus.group(group, of: item), let found = corpus.seriesIndex(id: series.id) { members.append(found) } }
            if let total = corpus.total(of: item), let found = corpus.seriesIndex(id: total.id) { members.append(found) }
            guard members.count >= 2, let card = writer.comparison(members, window: commonRange(members, query)) else { continue }
            cards.append(card)
        }
        return cards
    }
}
