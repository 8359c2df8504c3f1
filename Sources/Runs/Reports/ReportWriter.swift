public import JSON

/// One section of a report: the question and the run that answered it.
public struct ReportSection: Sendable, Equatable {
    /// The section's question, used as its heading.
    public var question: String
    /// The run that answered it.
    public var runID: String
    /// The run's result.
    public var result: AgentResult

    /// A section.
    public init(question: String, runID: String, result: AgentResult) {
        self.question = question
        self.runID = runID
        self.result = result
    }
}

/// A finished report: its markdown and the sources it cites, numbered across all sections.
public struct ReportDocument: Sendable, Equatable {
    /// The title.
    public var title: String
    /// The whole report in Markdown.
    public var markdown: String
    /// The cards cited, in citation order (the seed's card shape).
    public var cards: [JSONValue]
    /// The web results cited, numbered after the cards.
    public var webResults: [WebResult]
}

/// Writes a report from the runs of its sections: a title, when and how it was made, one
/// section per run with the chart of its lead card, and one source list whose numbers run
/// across the sections (a card cited by two sections keeps one number).
public enum ReportWriter {
    /// The heading above a result's source list, where a section's body ends.
    static let sourcesHeading = "\n\n**Sources**\n"

    /// The report on `topic` from `sections`, made at `generatedAt` (already in the caller's time zone).
    public static func write(topic: String, generatedAt: String, sections: [ReportSection]) -> ReportDocument {
        var cards: [JSONValue] = [], cardNumbers: [String: Int] = [:]
        var web: [WebResult] = [], webNumbers: [String: Int] = [:]
        // Each section's local citation → a card number, or −k for the k-th web result.
        var mappings: [[Int: Int]] = []
        for (position, section) in sections.enumerated() {
            var mapping: [Int: Int] = [:]
            for (offset, card) in section.result.cards.enumerated() {
                let id = card["card_id"]?.stringValue ?? "card-\(position)-\(offset)"
                if cardNumbers[id] == nil {
                    cards.append(card)
                    cardNumbers[id] = cards.count
                }
                mapping[offset + 1] = cardNumbers[id]
            }
            for result in section.result.webResults {
                if webNumbers[result.url] == nil {
                    web.append(result)
                    webNumbers[result.url] = web.count
                }
                mapping[result.citationNumber] = -webNumbers[result.url]!
            }
            mappings.append(mapping)
        }
        var body: [String] = []
        for (position, section) in sections.enumerated() {
            var lines = ["## \(position + 1). \(section.question)", ""]
            if let lead = section.result.cards.first, let title = lead["title"]?.stringValue, let image = lead["image_url"]?.stringValue {
                lines += ["![\(title)](\(image))", ""]
            }
            lines.append(Citations.renumber(bodyOf(section.result.answer), cardCount: cards.count) { mappings[position][$0] })
            body.append(lines.joined(separator: "\n"))
        }
        let sampled = sections.count { $0.result.generation.method == .sampling }
        let how = sampled == 0 ? "written by the local engine from the cards' figures"
            : "\(sampled) of \(sections.count) sections written through the host's model and checked against the cards' figures"
        let numberedWeb = web.enumerated().map { offset, result in
            var copy = result
            copy.citationNumber = cards.count + offset + 1
            return copy
        }
        let markdown = [
            "# \(topic)", "",
            "*Generated \(generatedAt) from \(sections.count) research runs on the embedded knowledge base; \(how).*", "",
            body.joined(separator: "\n\n"), "", sourceList(cards: cards, web: numberedWeb),
        ].joined(separator: "\n")
        return ReportDocument(title: topic, markdown: markdown, cards: cards, webResults: numberedWeb)
    }

    /// A result's answer without its notes' trailing source list.
    static func bodyOf(_ answer: String) -> String {
        guard let range = answer.ranges(of: sourcesHeading).last else { return answer }
        return String(answer[..<range.lowerBound])
    }

    /// The report's source list.
    static func sourceList(cards: [JSONValue], web: [WebResult]) -> String {
        var lines = ["## Sources", ""]
        for (offset, card) in cards.enumerated() {
            let title = card["title"]?.stringValue ?? "card"
            let source = card["sources"]?.arrayValue?.compactMap { $0["source_name"]?.stringValue }.joined(separator: "; ") ?? ""
            lines.append("[\(offset + 1)] \(title) — \(source) · \(card["webpage_url"]?.stringValue ?? "")  ")
        }
        for result in web {
            lines.append("[\(result.citationNumber)] \(result.title) — \(result.sourceName) · \(result.url)  ")
        }
        return lines.joined(separator: "\n")
    }
}

/// Rewrites citation markers ("[2]", "[1, 3]") of a text.
public enum Citations {
    /// `text` with each marker number n replaced by `map(n)`; a negative mapped number −k means
    /// the k-th web result, written as `cardCount + k`; unmapped numbers are left as they are.
    public static func renumber(_ text: String, cardCount: Int, map: (Int) -> Int?) -> String {
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "[", let close = text[index...].prefix(41).firstIndex(of: "]") else {
                out.append(character)
                index = text.index(after: index)
                continue
            }
            let content = text[text.index(after: index)..<close]
            let numbers = content.split(separator: ",").map { Int($0.trimmingCharacters(in: " ")) }
            guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else {
                out.append(character)
                index = text.index(after: index)
                continue
            }
            let mapped = numbers.map { number -> Int in
                guard let target = map(number!) else { return number! }
                return target < 0 ? cardCount - target : target
            }
            out += "[" + mapped.map(String.init).joined(separator: ", ") + "]"
            index = text.index(after: close)
        }
        return out
    }
}
