public import JSON

/// A run's output (the seed's `AgentResult`): the markdown answer, the cards and web results
/// that back it, the request id, and how the prose was written.
public struct AgentResult: Sendable, Equatable {
    /// The markdown answer; its citations [n] number the cards first, then the web results.
    public var answer: String
    /// The cards cited, in citation order, in the seed's card shape.
    public var cards: [JSONValue]
    /// The web results cited, numbered after the cards.
    public var webResults: [WebResult]
    /// The id of the request that produced this result.
    public var requestID: String
    /// How the prose was written.
    public var generation: Generation
    /// The question the run answered once follow-ups were resolved ("and in 2007?" becomes a whole question).
    public var resolvedQuery: String
    /// Caveats: skipped sources, the language note, data the knowledge base lacks.
    public var notes: [String]

    /// A result.
    public init(answer: String, cards: [JSONValue], webResults: [WebResult], requestID: String, generation: Generation,
                resolvedQuery: String, notes: [String] = []) {
        self.answer = answer
        self.cards = cards
        self.webResults = webResults
        self.requestID = requestID
        self.generation = generation
        self.resolvedQuery = resolvedQuery
        self.notes = notes
    }

    /// The JSON: the seed's fields, then this server's additions (`generation`, `resolved_query`, `notes`).
    public var json: JSONObject {
        [
            "answer": .string(answer), "cards": .array(cards), "web_results": .array(webResults.map { .object($0.json) }),
            "request_id": .string(requestID), "generation": .object(generation.json),
            "resolved_query": .string(resolvedQuery), "notes": .array(notes.map { .string($0) }),
        ]
    }

    /// Reads the stored JSON; nil when it is damaged.
    public init?(json: JSONValue) {
        guard let answer = json["answer"]?.stringValue, let cards = json["cards"]?.arrayValue,
              let web = json["web_results"]?.arrayValue, let requestID = json["request_id"]?.stringValue,
              let generation = json["generation"].flatMap(Generation.init(json:)) else { return nil }
        let results = web.compactMap(WebResult.init(json:))
        guard results.count == web.count else { return nil }
        self.init(answer: answer, cards: cards, webResults: results, requestID: requestID, generation: generation,
                  resolvedQuery: json["resolved_query"]?.stringValue ?? "",
                  notes: json["notes"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }
}

/// How an answer's prose was written: by the host's model through sampling (checked), or by
/// the local engine from the figures.
public struct Generation: Sendable, Equatable {
    /// Who wrote the prose.
    public enum Method: String, Sendable {
        /// The host's model, through MCP sampling; every number passed the check.
        case sampling
        /// The local engine, from the cards' figures.
        case extractive
    }

    /// Who wrote the prose.
    public var method: Method
    /// The host's model, when sampling was used or tried.
    public var model: String?
    /// Why sampling was not used when the client supports it (refused, or the prose failed the check).
    public var fallbackReason: String?

    /// A generation record.
    public init(method: Method, model: String? = nil, fallbackReason: String? = nil) {
        self.method = method
        self.model = model
        self.fallbackReason = fallbackReason
    }

    /// `{method, model?, fallback_reason?}`.
    public var json: JSONObject {
        var object: JSONObject = ["method": .string(method.rawValue)]
        if let model { object["model"] = .string(model) }
        if let fallbackReason { object["fallback_reason"] = .string(fallbackReason) }
        return object
    }

    /// Reads `{method, model?, fallback_reason?}`.
    public init?(json: JSONValue) {
        guard let method = json["method"]?.stringValue.flatMap(Method.init(rawValue:)) else { return nil }
        self.init(method: method, model: json["model"]?.stringValue, fallbackReason: json["fallback_reason"]?.stringValue)
    }
}

/// One result of a web search, as the seed's `web_results` item.
public struct WebResult: Sendable, Equatable {
    /// The page title.
    public var title: String
    /// The page address.
    public var url: String
    /// The provider's excerpt.
    public var snippet: String
    /// The site or publisher.
    public var sourceName: String
    /// When the page was published, as the provider says, if it does.
    public var publishDate: String?
    /// The answer's citation number [n] of this result.
    public var citationNumber: Int

    /// A web result.
    public init(title: String, url: String, snippet: String, sourceName: String, publishDate: String?, citationNumber: Int) {
        self.title = title
        self.url = url
        self.snippet = snippet
        self.sourceName = sourceName
        self.publishDate = publishDate
        self.citationNumber = citationNumber
    }

    /// The seed's JSON; `content` holds the snippet as text.
    public var json: JSONObject {
        [
            "title": .string(title), "url": .string(url), "snippet": .string(snippet), "source_name": .string(sourceName),
            "publish_date": publishDate.map { .string($0) } ?? .null,
            "content": ["cost": 0, "data": .string(snippet), "total_rows": 1, "truncated": false],
            "citation_number": .integer(Int64(citationNumber)),
        ]
    }

    /// Reads the JSON.
    public init?(json: JSONValue) {
        guard let title = json["title"]?.stringValue, let url = json["url"]?.stringValue,
              let snippet = json["snippet"]?.stringValue, let source = json["source_name"]?.stringValue,
              let number = json["citation_number"]?.integerValue else { return nil }
        self.init(title: title, url: url, snippet: snippet, sourceName: source, publishDate: json["publish_date"]?.stringValue,
                  citationNumber: Int(number))
    }
}
