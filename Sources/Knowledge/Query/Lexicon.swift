/// The names a question can use for what the knowledge base holds: entity and group names
/// (as word sequences) and measures (through a small index of their labels).
struct Lexicon: Sendable {
    /// One name: its words and the name as the data writes it.
    struct Name: Sendable {
        /// The tokenizer's words, aliases applied.
        var words: [String]
        /// The name in the data.
        var name: String
    }

    /// Names by their first word, longest first.
    let names: [String: [Name]]
    /// Series per entity or group name (each entity column value of a series counts).
    let seriesByName: [String: [Int]]
    /// The measures, one document each in `measureIndex`.
    let measureKeys: [MeasureKey]
    /// Labels, column names and units of the measures, for matching the words of a question.
    let measureIndex: SearchIndex
    /// The terms of each measure's label and column name (not its data set's title).
    let measureLabelTerms: [Set<String>]
    /// Whole-data-set series (no entity column) of each measure.
    let wholeSeries: [MeasureKey: [Int]]
    /// Words of each data set's title, for data sets about one place ("US", "Seattle").
    let titleWords: [Set<String>]

    /// Collects the names and measures of `corpus`.
    init(corpus: Corpus) {
        var byName: [String: [Int]] = [:]
        var order: [String] = []
        var keys: [MeasureKey] = []
        var seenKeys: Set<MeasureKey> = []
        var whole: [MeasureKey: [Int]] = [:]
        for (index, series) in corpus.series.enumerated() {
            let key = MeasureKey(dataset: series.dataset, measure: series.measure.slug)
            if seenKeys.insert(key).inserted { keys.append(key) }
            switch series.scope {
            case .whole, .rollup: whole[key, default: []].append(index)
            default: break
            }
            for name in series.scope.entityNames {
                if byName[name] == nil { order.append(name) }
                byName[name, default: []].append(index)
            }
        }
        for (index, layout) in corpus.layouts.enumerated() where layout == .samples {
            let dataset = corpus.datasets[index]
            for row in dataset.rows {
                let name = EntityKey(row: row, columns: dataset.columnIndexes(.entity)).display
                if byName[name] == nil { order.append(name); byName[name] = [] }
            }
        }
        var names: [String: [Name]] = [:]
        for name in order {
            let words = Aliases.standard.replace(Tokenizer.words(name))
            // Names made only of stop words or two-letter codes ("IN", "OR") would match ordinary words.
            guard let first = words.first, words.contains(where: { $0.count > 2 && !StopWords.all.contains($0) }) else { continue }
            names[first, default: []].append(Name(words: words, name: name))
        }
        for key in names.keys { names[key]!.sort { $0.words.count > $1.words.count } }
        self.names = names
        seriesByName = byName
        measureKeys = keys
        wholeSeries = whole
        var labelTerms: [Set<String>] = []
        measureIndex = SearchIndex(
            fields: [SearchIndex.Field(weight: 3, lengthDamping: 0.4), SearchIndex.Field(weight: 0.6, lengthDamping: 0.3),
                     SearchIndex.Field(weight: 0.4, lengthDamping: 0.5)],
            documents: keys.map { key in
                let dataset = corpus.datasets[key.dataset]
                let column = dataset.columns.first { Slug.make($0.name) == key.measure }
                let measure = column.map { Measure(dataset: dataset, column: dataset.columns.firstIndex(of: $0)!) }
                    ?? Measure(countOf: CountedNoun.of(dataset))
                let label = measure.label + " " + (column?.name ?? "count")
                labelTerms.append(Set(Tokenizer.terms(label)))
                return ([Tokenizer.terms(label), Tokenizer.terms(measure.unit ?? ""), Tokenizer.terms(dataset.title)], 1)
            })
        measureLabelTerms = labelTerms
        titleWords = corpus.datasets.map { Set(Tokenizer.terms($0.title)) }
    }

    /// The names mentioned in `words`, longest match first, with the positions they use.
    func mentions(in words: [String]) -> [(name: String, positions: Range<Int>)] {
        var found: [(name: String, positions: Range<Int>)] = []
        var index = 0
        outer: while index < words.count {
            for candidate in names[words[index]] ?? [] where index + candidate.words.count <= words.count {
                if words[index..<(index + candidate.words.count)].elementsEqual(candidate.words) {
                    // Several data names can share words ("United States", "USA" as a car origin): keep them all.
                    for same in (names[words[index]] ?? []) where same.words == candidate.words && !found.contains(where: { $0.name == same.name }) {
                        found.append((same.name, index..<(index + candidate.words.count)))
                    }
                    index += candidate.words.count
                    continue outer
                }
            }
            index += 1
        }
        return found
    }

    /// The measures the terms point at, best first. A measure is kept when it matches a term the
    /// better ones do not ("life expectancy and GDP per capita"), or when it matches the same terms
    /// about as well as the best ("population": of countries, and of the US macro data).
    func measures(for terms: [(term: String, weight: Float)], limit: Int = 4) -> [(key: MeasureKey, score: Float)] {
        let hits = measureIndex.search(terms, limit: 32)
        guard let best = hits.first?.score, best > 0.5 else { return [] }
        var kept: [(key: MeasureKey, score: Float)] = []
        var covered: Set<String> = []
        var bestCover: Set<String> = []
        for hit in hits where hit.score >= best * 0.3 {
            let cover = Set(terms.map(\.term).filter(measureLabelTerms[hit.document].contains))
            let addsTerm = !cover.isSubset(of: covered)
            let tiesBest = cover == bestCover && hit.score >= best * 0.85
            guard kept.isEmpty || addsTerm || tiesBest else { continue }
            if kept.isEmpty { bestCover = cover }
            covered.formUnion(cover)
            kept.append((measureKeys[hit.document], hit.score))
            if kept.count == limit { break }
        }
        return kept
    }
}
