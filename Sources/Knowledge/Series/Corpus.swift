/// The data sets of a knowledge base and every series made from them, with the lookups cards
/// need (siblings for ranks, totals for shares). Built once; read-only afterwards.
public struct Corpus: Sendable {
    /// The data sets, in the order given.
    public let datasets: [Dataset]
    /// Each data set's layout.
    public let layouts: [DatasetLayout]
    /// Every series.
    public let series: [Series]
    /// Series index by id.
    let seriesByID: [String: Int]
    /// The entity series of each measure, in data order.
    let entitySeries: [MeasureKey: [Int]]
    /// The all-entities series of each measure.
    let totals: [MeasureKey: Int]
    /// The group series of each measure.
    let groups: [MeasureKey: [Int]]

    /// Builds the series of `datasets`.
    public init(datasets: [Dataset]) {
        self.datasets = datasets
        layouts = datasets.map(DatasetLayout.init)
        var all: [Series] = []
        for (index, dataset) in datasets.enumerated() {
            all += SeriesBuilder.build(dataset, index: index, layout: layouts[index])
        }
        series = all
        var byID: [String: Int] = [:], entities: [MeasureKey: [Int]] = [:], totals: [MeasureKey: Int] = [:]
        var groups: [MeasureKey: [Int]] = [:]
        for (index, series) in all.enumerated() {
            byID[series.id] = index
            let key = MeasureKey(dataset: series.dataset, measure: series.measure.slug)
            switch series.scope {
            case .entity: entities[key, default: []].append(index)
            case .total: totals[key] = index
            case .group: groups[key, default: []].append(index)
            case .whole, .rollup: break
            }
        }
        seriesByID = byID
        entitySeries = entities
        self.totals = totals
        self.groups = groups
    }

    /// The series with id `id`.
    public func series(id: String) -> Series? { seriesByID[id].map { series[$0] } }

    /// The index of the series with id `id`.
    public func seriesIndex(id: String) -> Int? { seriesByID[id] }

    /// The entity series of the same data set and measure as `series` (including it).
    func siblings(of series: Series) -> [Int] {
        entitySeries[MeasureKey(dataset: series.dataset, measure: series.measure.slug)] ?? []
    }

    /// The entity series of a measure.
    func entitySeries(_ key: MeasureKey) -> [Int] { entitySeries[key] ?? [] }

    /// The all-entities series of the measure of `series`, if it has one.
    func total(of series: Series) -> Series? {
        totals[MeasureKey(dataset: series.dataset, measure: series.measure.slug)].map { self.series[$0] }
    }

    /// The group series of the measure of `series` for `group`, if there is one.
    func group(_ group: GroupValue, of series: Series) -> Series? {
        let key = MeasureKey(dataset: series.dataset, measure: series.measure.slug)
        return (groups[key] ?? []).lazy.map { self.series[$0] }.first {
            if case .group(let value, _, _) = $0.scope { return value == group }
            return false
        }
    }

    /// The rank (1 = highest) of `series` among its siblings at `period`, and how many have a value then.
    func rank(of series: Series, at period: Period) -> (rank: Int, of: Int)? {
        guard case .entity = series.scope, let value = series.value(at: period) else { return nil }
        let values = siblings(of: series).compactMap { self.series[$0].value(at: period) }
        guard values.count > 2 else { return nil }
        return (CrossStatistics.rank(of: value, among: values), values.count)
    }

    /// The plural noun for a data set's entities: "countries"; "series" for several entity columns.
    func entityNoun(_ dataset: Int) -> String {
        let columns = datasets[dataset].columnIndexes(.entity)
        return columns.count == 1 ? Plural.of(datasets[dataset].columns[columns[0]].label) : "series"
    }

    /// The short name of a data set: its title up to the first comma or colon.
    func shortTitle(_ dataset: Int) -> String {
        let title = datasets[dataset].title
        let end = title.firstIndex { $0 == ":" || $0 == "," } ?? title.endIndex
        return String(title[..<end])
    }
}

/// A measure of one data set.
struct MeasureKey: Hashable, Sendable {
    /// The data set's index.
    var dataset: Int
    /// The measure's slug.
    var measure: String
}
