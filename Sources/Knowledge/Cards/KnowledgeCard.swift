/// One knowledge card: a titled, described, sourced piece of data, in the seeds' card shape.
///
/// Cards are values. Their table (`content.data`) and chart are made from `recipe` when asked
/// for, so a card costs little until it is shown.
public struct KnowledgeCard: Sendable {
    /// The stable, readable id, e.g. `gapminder.lifeexp.brazil` or `vs~…~…@1990..2007`.
    public var id: String
    /// What the card shows.
    public var kind: CardKind
    /// The title.
    public var title: String
    /// The figures in prose, each with its period and unit.
    public var description: String
    /// What the card covers, in plain words, for semantic matching.
    public var semanticDescription: String
    /// The figures of `description` as numbers.
    public var figures: [Figure]
    /// The data sets the card's numbers come from (indexes into the knowledge base).
    public var datasets: [Int]
    /// The entities the card is about, for the index.
    public var entities: [String]
    /// The measures the card shows, for the index.
    public var measures: [String]
    /// How to rebuild the card's table and chart.
    public var recipe: CardRecipe
    /// How well it matched the query that found it (1–5); nil outside search results.
    public var relevanceScore: Double?

    /// Creates a card.
    public init(id: String, kind: CardKind, title: String, description: String, semanticDescription: String,
                figures: [Figure], datasets: [Int], entities: [String], measures: [String], recipe: CardRecipe) {
        self.id = id
        self.kind = kind
        self.title = title
        self.description = description
        self.semanticDescription = semanticDescription
        self.figures = figures
        self.datasets = datasets
        self.entities = entities
        self.measures = measures
        self.recipe = recipe
    }
}

/// What a card shows (`card_type`).
public enum CardKind: String, Sendable, CaseIterable {
    /// One measure of one subject over time.
    case timeseries
    /// Several series of one measure side by side.
    case comparison
    /// Subjects sorted by a value.
    case ranking
    /// One entity's row or rows.
    case record
    /// Summary statistics of repeated observations.
    case summary
    /// Two series' correlation.
    case correlation

    /// How much a card of this kind is preferred when scores tie (series first).
    var prior: Float {
        switch self {
        case .timeseries, .comparison, .correlation: 1.0
        case .ranking, .summary: 0.95
        case .record: 0.85
        }
    }
}

/// How a card's content is made from the knowledge base.
public enum CardRecipe: Sendable, Equatable {
    /// A series, optionally over a window.
    case series(Int, window: PeriodWindow?)
    /// Several series of one measure, optionally over a common window.
    case comparison([Int], window: PeriodWindow?)
    /// Two series' correlation over their common periods.
    case correlation(Int, Int, window: PeriodWindow?)
    /// Entities sorted by a value.
    case ranking(RankingKey)
    /// One entity's rows of a data set.
    case record(dataset: Int, key: EntityKey)
    /// Statistics of one measure over the rows of one entity (or of all rows).
    case summary(dataset: Int, column: Int, entity: String?)
}

/// Which ranking: a measure of a data set at a period, optionally within one group.
public struct RankingKey: Sendable, Equatable, Hashable {
    /// The data set.
    public var dataset: Int
    /// The measure's slug (`count` for a count of rows per group).
    public var measure: String
    /// The period ranked at; nil for data without time.
    public var period: Period?
    /// Only entities of this group value; nil for all.
    public var group: GroupValue?
    /// For counts: the column whose values are counted.
    public var countedColumn: Int?
}
