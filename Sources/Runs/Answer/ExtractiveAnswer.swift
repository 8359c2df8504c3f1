public import Knowledge

/// The local engine's own answer: the cards' computed figures, arranged to answer the question,
/// each paragraph citing its card. It states no number that is not in a card (the check of
/// sampled prose holds it to the same rule, and a test runs the check on it).
public enum ExtractiveAnswer {
    /// The most cards beyond the lead that are summarised.
    static let maxSupporting = 4

    /// The answer's body for `sheet` (without the source list).
    public static func body(_ sheet: FactSheet) -> String {
        guard let lead = sheet.cards.first else { return unanswered(sheet) }
        var paragraphs = ["\(FactSheet.summary(of: lead)) [1]"]
        let supporting = sheet.cards.dropFirst().prefix(maxSupporting)
        if !supporting.isEmpty {
            var lines = ["Also in the knowledge base:"]
            for (offset, card) in supporting.enumerated() {
                lines.append("- **\(card.title)**: \(FactSheet.summary(of: card)) [\(offset + 2)]")
            }
            paragraphs.append(lines.joined(separator: "\n"))
        }
        if let notice = sheet.notice { paragraphs.append("> \(notice.message)") }
        if !sheet.web.isEmpty {
            let range = sheet.web.count == 1 ? "[\(sheet.web[0].citationNumber)]" : "[\(sheet.web[0].citationNumber)]–[\(sheet.web.last!.citationNumber)]"
            paragraphs.append("The web results \(range) are listed below as found; their figures are not restated here, as none was computed from the data.")
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// The answer when no card answers: what is missing, the nearest data, and what the
    /// knowledge base holds.
    static func unanswered(_ sheet: FactSheet) -> String {
        var paragraphs: [String] = []
        if let notice = sheet.notice {
            paragraphs.append("The knowledge base cannot answer this question. \(notice.message)")
        } else {
            paragraphs.append("The knowledge base has no card that answers this question.")
        }
        if !sheet.web.isEmpty {
            paragraphs.append("The web results below may help; their content was not checked against the data, so no figure is taken from them.")
        }
        paragraphs.append("It holds: " + holdings(sheet.base) + ".")
        return paragraphs.joined(separator: "\n\n")
    }

    /// The data sets of the knowledge base by title, for saying what it does hold.
    public static func holdings(_ base: KnowledgeBase) -> String {
        var seen: Set<String> = []
        return base.corpus.datasets.map(\.title).filter { seen.insert($0).inserted }.joined(separator: "; ")
    }

    /// The numbered source list: "[1] title — source (licence) · tak://cards/…", then the web results.
    public static func sources(_ sheet: FactSheet) -> String {
        guard sheet.citationCount > 0 else { return "" }
        var lines = ["**Sources**", ""]
        for (offset, card) in sheet.cards.enumerated() {
            lines.append("[\(offset + 1)] \(card.title) — \(sheet.provenance(of: card)) · \(KnowledgeBase.cardURI(card.id))  ")
        }
        for result in sheet.web {
            let date = result.publishDate.map { ", \($0)" } ?? ""
            lines.append("[\(result.citationNumber)] \(result.title) — \(result.sourceName)\(date) · \(result.url)  ")
        }
        return lines.joined(separator: "\n")
    }

    /// The whole answer: body, notes in italics, then the source list.
    public static func assemble(body: String, notes: [String], sources: String) -> String {
        var parts = [body]
        parts += notes.map { "*\($0)*" }
        if !sources.isEmpty { parts.append(sources) }
        return parts.joined(separator: "\n\n")
    }
}
