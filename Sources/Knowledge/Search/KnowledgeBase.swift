/// The knowledge base: data sets, series, base cards and the index over them, built once.
///
/// Everything here is a value computed from the data sets; searching, card look-up and charts
/// are pure functions of it. `embedded` is the product's knowledge base, built on first use.
public final class KnowledgeBase: Sendable {
    /// The data sets and their series.
    public let corpus: Corpus
    /// The cards that exist before any question, in index order.
    public let cards: [KnowledgeCard]
    /// Base card index by id.
    let cardsByID: [String: Int]
    /// The index over `cards`.
    public let index: SearchIndex
    /// Entity and measure names, for reading questions.
    let lexicon: Lexicon

    /// The index's fields: title, entities, measures, context, description.
    static let fields = [
        SearchIndex.Field(weight: 3, lengthDamping: 0.5), SearchIndex.Field(weight: 4, lengthDamping: 0.3),
        SearchIndex.Field(weight: 2.5, lengthDamping: 0.3), SearchIndex.Field(weight: 1, lengthDamping: 0.6),
        SearchIndex.Field(weight: 1, lengthDamping: 0.75),
    ]

    /// Builds the knowledge base of `datasets`.
    public init(datasets: [Dataset]) {
        let corpus = Corpus(datasets: datasets)
        self.corpus = corpus
        let cards = BaseCards(corpus: corpus).all()
        self.cards = cards
        var byID: [String: Int] = [:]
        for (position, card) in cards.enumerated() where byID[card.id] == nil { byID[card.id] = position }
        cardsByID = byID
        index = SearchIndex(fields: Self.fields, documents: cards.map { (Self.fieldTerms(of: $0, corpus: corpus), $0.kind.prior) },
                            namingFields: 3)
        lexicon = Lexicon(corpus: corpus)
    }

    /// The embedded knowledge base (Data/): parsed and indexed on first use, then shared.
    public static let embedded: KnowledgeBase = {
        let datasets = EmbeddedKnowledge.all.map { text in
            do { return try Dataset(json: text) } catch { fatalError("embedded knowledge base: \(error)") }
        }
        return KnowledgeBase(datasets: datasets)
    }()

    /// The terms of each index field of `card`.
    static func fieldTerms(of card: KnowledgeCard, corpus: Corpus) -> [[String]] {
        var entities = card.entities
        if case .series(let index, _) = card.recipe, case .total(_, let noun) = corpus.series[index].scope, noun == "countries" {
            entities.append("world")
        }
        var context = card.datasets.map { corpus.datasets[$0].title + " " + corpus.datasets[$0].sourceName }
        context.append(card.kind == .ranking ? "ranking" : card.kind.rawValue)
        return [
            Tokenizer.terms(card.title), Tokenizer.terms(entities.joined(separator: " | ")),
            Tokenizer.terms(card.measures.joined(separator: " | ")), Tokenizer.terms(context.joined(separator: " ")),
            Tokenizer.terms(card.description),
        ]
    }

    /// The base card with id `id`.
    public func baseCard(id: String) -> KnowledgeCard? { cardsByID[id].map { cards[$0] } }
}
