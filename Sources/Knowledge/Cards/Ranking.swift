/// One line of a ranking.
public struct RankEntry: Sendable, Equatable {
    /// The entity or group value ranked.
    public var name: String
    /// Its value.
    public var value: Double
    /// The series the value comes from, when there is one.
    public var series: Int?
}

/// A computed ranking: entries sorted highest first, with what they measure.
public struct RankingTable: Sendable {
    /// Which ranking.
    public var key: RankingKey
    /// What is ranked by.
    public var measure: Measure
    /// What the entries are, plural: "countries".
    public var noun: String
    /// The entries, highest first (ties by name).
    public var entries: [RankEntry]
}

extension Corpus {
    /// The ranking `key` describes, computed from the data; nil when it names nothing or ranks fewer than two.
    public func ranking(_ key: RankingKey) -> RankingTable? {
        let dataset = datasets[key.dataset]
        var entries: [RankEntry] = []
        let measure: Measure
        let noun: String
        if let counted = key.countedColumn {
            measure = Measure(countOf: CountedNoun.of(dataset))
            noun = Plural.of(dataset.columns[counted].label)
            var counts: [String: Double] = [:]
            for row in dataset.rows where matches(row, key.group) { counts[row[counted].text ?? "", default: 0] += 1 }
            entries = counts.map { RankEntry(name: $0.key, value: $0.value, series: nil) }
        } else {
            guard let column = dataset.columns.indices.first(where: {
                dataset.columns[$0].role == .measure && Slug.make(dataset.columns[$0].name) == key.measure
            }) else { return nil }
            measure = Measure(dataset: dataset, column: column)
            noun = entityNoun(key.dataset)
            switch layouts[key.dataset] {
            case .panel:
                guard let period = key.period else { return nil }
                for index in entitySeries(MeasureKey(dataset: key.dataset, measure: key.measure)) {
                    let series = self.series[index]
                    guard case .entity(let names, let groups) = series.scope, key.group.map(groups.contains) ?? true,
                          let value = series.value(at: period) else { continue }
                    entries.append(RankEntry(name: names.joined(separator: ", "), value: value, series: index))
                }
            case .table, .samples:
                entries = entityMeans(dataset, column: column, group: key.group)
            default:
                return nil
            }
        }
        guard entries.count >= 2 else { return nil }
        entries.sort { $0.value != $1.value ? $0.value > $1.value : $0.name < $1.name }
        return RankingTable(key: key, measure: measure, noun: noun, entries: entries)
    }

    /// Each entity's value of `column` (the mean when it has several rows), within `group`.
    private func entityMeans(_ dataset: Dataset, column: Int, group: GroupValue?) -> [RankEntry] {
        let entityColumns = dataset.columnIndexes(.entity)
        var order: [String] = []
        var sums: [String: (Double, Int)] = [:]
        for row in dataset.rows where matches(row, group) {
            guard let value = row[column].number else { continue }
            let name = EntityKey(row: row, columns: entityColumns).display
            if sums[name] == nil { order.append(name) }
            sums[name, default: (0, 0)].0 += value
            sums[name, default: (0, 0)].1 += 1
        }
        return order.map { RankEntry(name: $0, value: sums[$0]!.0 / Double(sums[$0]!.1), series: nil) }
    }

    /// Whether `row` belongs to `group` (always, when there is no group).
    private func matches(_ row: [Cell], _ group: GroupValue?) -> Bool {
        guard let group else { return true }
        return row[group.column].text == group.value
    }

    /// The card id of a ranking: `<dataset>.<measure>.ranking[.<group>][@<period>]`, or
    /// `<dataset>.count.by-<column>[.<group>]` for counts.
    func rankingID(_ key: RankingKey) -> String {
        let dataset = datasets[key.dataset]
        var id = key.countedColumn.map { "\(dataset.id).count.by-\(Slug.make(dataset.columns[$0].name))" }
            ?? "\(dataset.id).\(key.measure).ranking"
        if let group = key.group { id += ".\(Slug.make(dataset.columns[group.column].name))-\(Slug.make(group.value))" }
        if let period = key.period { id += "@\(period)" }
        return id
    }
}

/// Writes ranking cards: the top and bottom entries, the median and the count.
struct RankingCardWriter {
    /// The series and their lookups.
    let corpus: Corpus

    /// The card of ranking `key`; nil when there is no such ranking.
    func card(_ key: RankingKey) -> KnowledgeCard? {
        guard let table = corpus.ranking(key) else { return nil }
        let measure = table.measure
        let when = key.period.map { " in \($0)" } ?? ""
        let within = key.group.map { " (\($0.label): \($0.value))" } ?? ""
        let values = table.entries.map(\.value).sorted()
        let median = values.count % 2 == 1 ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
        let period = key.period.map(String.init(describing:)) ?? "all rows"
        var figures: [Figure] = []
        func entry(_ item: RankEntry, rank: Int) -> String {
            let text = measure.format(item.value)
            figures.append(Figure(kind: .value, subject: item.name, value: item.value, unit: measure.unit, period: period, text: text))
            figures.append(Figure(kind: .rank, subject: item.name, value: Double(rank), unit: "rank", period: period, text: Phrases.ordinal(rank)))
            return "\(item.name) \(text)"
        }
        let topCount = min(3, table.entries.count)
        let top = table.entries.prefix(topCount).enumerated().map { entry($0.element, rank: $0.offset + 1) }
        let bottomCount = min(3, table.entries.count - topCount)
        let bottom = table.entries.suffix(bottomCount).enumerated().reversed().map {
            entry($0.element, rank: table.entries.count - bottomCount + $0.offset + 1)
        }
        let medianText = measure.format(median)
        figures.append(Figure(kind: .median, subject: corpus.rankingID(key), value: median, unit: measure.unit, period: period, text: medianText))
        figures.append(Figure(kind: .count, subject: corpus.rankingID(key), value: Double(table.entries.count), unit: table.noun,
                              period: period, text: "\(table.entries.count) \(table.noun)"))
        var sentences = ["Highest\(when): \(top.joined(separator: "; "))."]
        if !bottom.isEmpty { sentences.append("Lowest: \(bottom.joined(separator: "; ")).") }
        sentences.append("Median \(medianText) across \(table.entries.count) \(table.noun)\(within)\(when).")
        if corpus.layouts[key.dataset] == .samples { sentences.append("Each value is the mean of the entity's rows.") }
        sentences.append(corpus.provenanceSentence(key.dataset, measures: [measure]))
        let title = "\(Phrases.upperFirst(table.noun))\(within) ranked by \(Phrases.lowerFirst(measure.label))\(key.period.map { ", \($0)" } ?? "")"
        return KnowledgeCard(
            id: corpus.rankingID(key), kind: .ranking, title: title, description: sentences.joined(separator: " "),
            semanticDescription: "Ranking of \(table.entries.count) \(table.noun)\(within) by \(Phrases.lowerFirst(measure.label))"
                + " in \(measure.unitPhrase)\(when), from \(corpus.datasets[key.dataset].title).",
            figures: figures, datasets: [key.dataset], entities: key.group.map { [$0.value] } ?? [],
            measures: [measure.label], recipe: .ranking(key))
    }
}
