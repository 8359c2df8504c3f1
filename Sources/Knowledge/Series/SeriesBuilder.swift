/// Builds the series of one data set: one per entity and measure, plus the combinations the
/// measure's aggregate rule allows (groups, all entities, coarser periods) and row counts.
struct SeriesBuilder {
    /// The data set.
    let dataset: Dataset
    /// Its index in the knowledge base.
    let index: Int
    /// Its layout.
    let layout: DatasetLayout
    /// The series made so far.
    private(set) var series: [Series] = []
    /// Ids already used, to keep them unique.
    private var usedIDs: Set<String> = []

    /// Starts a builder for `dataset`.
    init(dataset: Dataset, index: Int, layout: DatasetLayout) {
        self.dataset = dataset
        self.index = index
        self.layout = layout
    }

    /// Every series of the data set.
    static func build(_ dataset: Dataset, index: Int, layout: DatasetLayout) -> [Series] {
        var builder = SeriesBuilder(dataset: dataset, index: index, layout: layout)
        builder.buildAll()
        return builder.series
    }

    /// The measures of the data set, in column order.
    var measures: [Measure] { dataset.columnIndexes(.measure).map { Measure(dataset: dataset, column: $0) } }

    /// Fills `series` according to the layout.
    private mutating func buildAll() {
        guard let time = dataset.timeColumn else { return }
        switch layout {
        case .panel: buildPanel(time: time)
        case .sparsePanel: buildCombined(time: time, entityNoun: entityNoun(dataset.columnIndexes(.entity)))
        case .timeline: buildTimeline(time: time)
        case .events: buildCounts(time: time)
        case .table, .samples: break
        }
    }

    /// The plural noun for what the entity columns name: "countries"; "series" for several columns.
    func entityNoun(_ columns: [Int]) -> String {
        columns.count == 1 ? Plural.of(dataset.columns[columns[0]].label) : "series"
    }

    /// One series per entity and measure, then the combinations.
    private mutating func buildPanel(time: Int) {
        let entityColumns = dataset.columnIndexes(.entity)
        let groupColumns = dataset.columnIndexes(.group)
        var order: [EntityKey] = []
        var rowsByEntity: [EntityKey: [[Cell]]] = [:]
        for row in dataset.rows {
            let key = EntityKey(row: row, columns: entityColumns)
            if rowsByEntity[key] == nil { order.append(key) }
            rowsByEntity[key, default: []].append(row)
        }
        for measure in measures {
            for key in order {
                let rows = rowsByEntity[key]!
                let groups = groupColumns.map { GroupValue(column: $0, label: dataset.columns[$0].label, value: rows[0][$0].text ?? "") }
                let points = Self.points(rows, time: time, measure: measure.column!)
                guard !points.isEmpty else { continue }
                add(Series(id: makeID(measure, key.names.map(Slug.make).joined(separator: ".")), dataset: index, measure: measure,
                           scope: .entity(names: key.names, groups: groups), frequency: dataset.frequency, points: points))
            }
        }
        let noun = entityNoun(entityColumns)
        buildCombined(time: time, entityNoun: noun)
        if entityColumns.count > 1 {
            // Each entity column also groups the others: a barley site over its varieties.
            for column in entityColumns {
                let others = entityColumns.filter { $0 != column }
                buildGroups(column: column, time: time, noun: entityNoun(others))
            }
        }
    }

    /// Group and all-entity combinations, computed from rows (each row one member).
    private mutating func buildCombined(time: Int, entityNoun noun: String) {
        for column in dataset.columnIndexes(.group) { buildGroups(column: column, time: time, noun: noun) }
        let entityColumns = dataset.columnIndexes(.entity)
        let members = Set(dataset.rows.map { EntityKey(row: $0, columns: entityColumns) }).count
        guard members > 1 else { return }
        for measure in measures where measure.aggregate != .none {
            let combined = Self.combine(dataset.rows, time: time, measure: measure, requiredMembers: requiredMembers(members))
            guard !combined.points.isEmpty else { continue }
            add(Series(id: makeID(measure, "all"), dataset: index, measure: measure, scope: .total(members: members, noun: noun),
                       frequency: dataset.frequency, points: combined.points, memberCounts: combined.counts))
        }
    }

    /// One combined series per value of `column` and measure.
    private mutating func buildGroups(column: Int, time: Int, noun: String) {
        let entityColumns = dataset.columnIndexes(.entity)
        var order: [String] = []
        var rowsByValue: [String: [[Cell]]] = [:]
        for row in dataset.rows {
            let value = row[column].text ?? ""
            if rowsByValue[value] == nil { order.append(value) }
            rowsByValue[value, default: []].append(row)
        }
        guard order.count > 1 || layout == .sparsePanel else { return }
        let label = dataset.columns[column].label
        for measure in measures where measure.aggregate != .none {
            for value in order {
                let rows = rowsByValue[value]!
                let members = Set(rows.map { EntityKey(row: $0, columns: entityColumns) }).count
                let combined = Self.combine(rows, time: time, measure: measure, requiredMembers: requiredMembers(members))
                guard !combined.points.isEmpty else { continue }
                let group = GroupValue(column: column, label: label, value: value)
                add(Series(id: makeID(measure, Slug.make(dataset.columns[column].name) + "-" + Slug.make(value)), dataset: index,
                           measure: measure, scope: .group(group, members: members, noun: noun),
                           frequency: dataset.frequency, points: combined.points, memberCounts: combined.counts))
            }
        }
    }

    /// One series per measure, and coarser roll-ups of daily and hourly data.
    private mutating func buildTimeline(time: Int) {
        for measure in measures {
            let points = Self.points(dataset.rows, time: time, measure: measure.column!)
            guard !points.isEmpty else { continue }
            let whole = Series(id: makeID(measure, nil), dataset: index, measure: measure, scope: .whole,
                               frequency: dataset.frequency, points: points)
            add(whole)
            guard measure.aggregate != .none else { continue }
            var targets: [Frequency] = []
            if dataset.frequency == .day || dataset.frequency == .hour { targets.append(.month) }
            if dataset.frequency == .day, let first = points.first, let last = points.last, last.period.year > first.period.year {
                targets.append(.year)
            }
            for target in targets {
                let rolled = Rollup.roll(points, from: dataset.frequency, to: target, rule: measure.aggregate)
                guard !rolled.isEmpty else { continue }
                add(Series(id: makeID(measure, target.rawValue + "ly"), dataset: index, measure: measure,
                           scope: .rollup(from: dataset.frequency), frequency: target, points: rolled))
            }
        }
    }

    /// The number of rows per period (events per day).
    private mutating func buildCounts(time: Int) {
        var counts: [Period: Double] = [:]
        for row in dataset.rows {
            guard let text = row[time].text, let period = Period(text) else { continue }
            counts[period, default: 0] += 1
        }
        let points = counts.keys.sorted().map { SeriesPoint(period: $0, value: counts[$0]!) }
        let measure = Measure(countOf: CountedNoun.of(dataset))
        add(Series(id: makeID(measure, nil), dataset: index, measure: measure, scope: .whole, frequency: dataset.frequency, points: points))
    }

    /// In a panel a sum needs every member in a period; in a sparse panel members come and go.
    private func requiredMembers(_ members: Int) -> Int? { layout == .panel ? members : nil }

    /// Appends a series, making its id unique.
    private mutating func add(_ new: Series) {
        var new = new
        var candidate = new.id
        var suffix = 2
        while usedIDs.contains(candidate) { candidate = "\(new.id)-\(suffix)"; suffix += 1 }
        usedIDs.insert(candidate)
        new.id = candidate
        series.append(new)
    }

    /// `<dataset>.<measure>[.<subject>]`.
    private func makeID(_ measure: Measure, _ subject: String?) -> String {
        [dataset.id, measure.slug, subject].compactMap { $0 }.joined(separator: ".")
    }

    /// The present values of `measure` in `rows`, sorted by period.
    static func points(_ rows: [[Cell]], time: Int, measure: Int) -> [SeriesPoint] {
        var points: [SeriesPoint] = []
        points.reserveCapacity(rows.count)
        for row in rows {
            guard let value = row[measure].number, let text = row[time].text, let period = Period(text) else { continue }
            points.append(SeriesPoint(period: period, value: value))
        }
        points.sort { $0.period < $1.period }
        return points
    }

    /// The rows' values of `measure` combined per period by its rule; a sum is kept only for
    /// periods where all `members` have a value, so a total never silently misses a member.
    static func combine(_ rows: [[Cell]], time: Int, measure: Measure,
                        requiredMembers: Int?) -> (points: [SeriesPoint], counts: [Int]) {
        var sums: [Period: (total: Double, count: Int)] = [:]
        for row in rows {
            guard let value = row[measure.column!].number, let text = row[time].text, let period = Period(text) else { continue }
            sums[period, default: (0, 0)].total += value
            sums[period, default: (0, 0)].count += 1
        }
        var points: [SeriesPoint] = []
        var counts: [Int] = []
        for period in sums.keys.sorted() {
            let (total, count) = sums[period]!
            if measure.aggregate == .sum, let requiredMembers, count < requiredMembers { continue }
            points.append(SeriesPoint(period: period, value: measure.aggregate == .sum ? total : total / Double(count)))
            counts.append(count)
        }
        return (points, counts)
    }
}

/// The noun a row of an events or table data set stands for, for counts of rows.
enum CountedNoun {
    /// "death" for the riots data, "airport" for the airports, else "row".
    static func of(_ dataset: Dataset) -> String {
        switch dataset.id {
        case "la-riots": "death"
        case "airports": "airport"
        default: "row"
        }
    }
}
