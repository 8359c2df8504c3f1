/// Makes cards from recipes, and finds any card by id: base cards directly, derived cards
/// (windows, comparisons, correlations, rankings at other periods) by reading their id.
///
/// Derived ids are `<series>@<from>..<to>`, `vs~<series>~<series>[~…][@<from>..<to>]`,
/// `corr~<series>~<series>[@<from>..<to>]` and `<dataset>.<measure>.ranking[.<group>][@<period>]`.
extension KnowledgeBase {
    /// The card a recipe describes; nil when the recipe names nothing with data.
    public func card(for recipe: CardRecipe) -> KnowledgeCard? {
        switch recipe {
        case .series(let index, let window): SeriesCardWriter(corpus: corpus).card(series: index, window: window)
        case .comparison(let indexes, let window): ComparisonCardWriter(corpus: corpus).comparison(indexes, window: window)
        case .correlation(let a, let b, let window): ComparisonCardWriter(corpus: corpus).correlation(a, b, window: window)
        case .ranking(let key): RankingCardWriter(corpus: corpus).card(key)
        case .record(let dataset, let key):
            RecordCardWriter(corpus: corpus).record(dataset: dataset, key: key, rows: RecordCardWriter(corpus: corpus).rows(dataset: dataset, key: key))
        case .summary(let dataset, let column, let entity): RecordCardWriter(corpus: corpus).summary(dataset: dataset, column: column, entity: entity)
        }
    }

    /// The card with id `id`, base or derived; nil when the id names no card.
    public func card(id: String) -> KnowledgeCard? {
        if let base = baseCard(id: id) { return base }
        guard let recipe = recipe(forID: id) else { return nil }
        // A derived id may name its window loosely (1990..2007 for data from 1992): the card has the exact one.
        return card(for: recipe)
    }

    /// The recipe a derived id describes.
    func recipe(forID id: String) -> CardRecipe? {
        let (body, windowText) = splitWindow(id)
        if body.hasPrefix("vs~") || body.hasPrefix("corr~") {
            let parts = body.split(separator: "~").dropFirst().map(String.init)
            let indexes = parts.compactMap(corpus.seriesIndex(id:))
            guard indexes.count == parts.count, indexes.count >= 2 else { return nil }
            let window = windowText.flatMap { parseWindow($0, for: corpus.series[indexes[0]]) }
            if windowText != nil && window == nil { return nil }
            if body.hasPrefix("corr~") { return indexes.count == 2 ? .correlation(indexes[0], indexes[1], window: window) : nil }
            return .comparison(indexes, window: window)
        }
        if let index = corpus.seriesIndex(id: body), let windowText {
            return parseWindow(windowText, for: corpus.series[index]).map { .series(index, window: $0) }
        }
        return rankingRecipe(body: body, period: windowText)
    }

    /// The id split at its `@`: the body and the window or period text.
    private func splitWindow(_ id: String) -> (String, String?) {
        guard let at = id.lastIndex(of: "@") else { return (id, nil) }
        return (String(id[..<at]), String(id[id.index(after: at)...]))
    }

    /// A window `<from>..<to>` of a series' frequency.
    private func parseWindow(_ text: String, for series: Series) -> PeriodWindow? {
        guard let dots = text.firstRange(of: "..") else { return nil }
        guard let start = Period(String(text[..<dots.lowerBound])), let end = Period(String(text[dots.upperBound...])),
              start.frequency == series.frequency, end.frequency == series.frequency, start <= end else { return nil }
        return PeriodWindow(start: start, end: end)
    }

    /// `<dataset>.<measure>.ranking[.<group>]` at `period`.
    private func rankingRecipe(body: String, period: String?) -> CardRecipe? {
        let parts = body.split(separator: ".").map(String.init)
        guard parts.count == 3 || parts.count == 4, parts[2] == "ranking",
              let dataset = corpus.datasets.firstIndex(where: { $0.id == parts[0] }) else { return nil }
        var key = RankingKey(dataset: dataset, measure: parts[1], period: nil)
        if let period {
            guard let parsed = Period(period), parsed.frequency == corpus.datasets[dataset].frequency else { return nil }
            key.period = parsed
        }
        if parts.count == 4 {
            guard let group = groupValue(slug: parts[3], dataset: dataset) else { return nil }
            key.group = group
        }
        return .ranking(key)
    }

    /// The group value whose `<column>-<value>` slug is `slug`.
    func groupValue(slug: String, dataset index: Int) -> GroupValue? {
        let dataset = corpus.datasets[index]
        for column in dataset.columnIndexes(.group) {
            for row in dataset.rows {
                guard let value = row[column].text else { continue }
                if "\(Slug.make(dataset.columns[column].name))-\(Slug.make(value))" == slug {
                    return GroupValue(column: column, label: dataset.columns[column].label, value: value)
                }
            }
        }
        return nil
    }
}
