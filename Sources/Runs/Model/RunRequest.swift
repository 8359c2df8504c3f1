public import JSON

/// Where a run may look: the curated knowledge base and the open web.
public enum SourceIndex: String, Sendable, CaseIterable, Comparable {
    /// The knowledge base (the legacy name `tako` means the same).
    case data
    /// A web search provider.
    case web

    /// Reads a source name; `tako` is the legacy name of `data`.
    public init?(name: String) {
        switch name {
        case "data", "tako": self = .data
        case "web": self = .web
        default: return nil
        }
    }

    public static func < (lhs: SourceIndex, rhs: SourceIndex) -> Bool { lhs == .data && rhs == .web }
}

/// A run as dispatched: the question and how to answer it, already validated.
public struct RunRequest: Sendable, Equatable {
    /// The question, as asked.
    public var query: String
    /// The sources the run may use, sorted, never empty.
    public var sources: [SourceIndex]
    /// The answer's language.
    public var locale: AnswerLocale
    /// The IANA time zone for dates in rendered charts, if given.
    public var timezone: String?
    /// Whether chart images are drawn for a dark background, if given.
    public var imageDarkMode: Bool?

    /// A request; `sources` is de-duplicated and sorted (both when empty).
    public init(query: String, sources: [SourceIndex] = SourceIndex.allCases, locale: AnswerLocale = .english,
                timezone: String? = nil, imageDarkMode: Bool? = nil) {
        self.query = query
        let unique = Set(sources)
        self.sources = unique.isEmpty ? SourceIndex.allCases : unique.sorted()
        self.locale = locale
        self.timezone = timezone
        self.imageDarkMode = imageDarkMode
    }

    /// The stored form.
    public var json: JSONObject {
        var object: JSONObject = [
            "query": .string(query), "effort": "medium",
            "source_indexes": .array(sources.map { .string($0.rawValue) }), "locale": .string(locale.identifier),
        ]
        if let timezone { object["timezone"] = .string(timezone) }
        if let imageDarkMode { object["output_settings"] = ["image_dark_mode": .bool(imageDarkMode)] }
        return object
    }

    /// Reads the stored form; nil when it is damaged.
    public init?(json: JSONValue) {
        guard let query = json["query"]?.stringValue, let names = json["source_indexes"]?.arrayValue,
              let locale = json["locale"]?.stringValue.flatMap(AnswerLocale.init) else { return nil }
        let sources = names.compactMap { $0.stringValue.flatMap(SourceIndex.init(name:)) }
        guard sources.count == names.count else { return nil }
        self.init(query: query, sources: sources, locale: locale, timezone: json["timezone"]?.stringValue,
                  imageDarkMode: json["output_settings"]?["image_dark_mode"]?.boolValue)
    }
}
