/// What the host's model is asked (through MCP sampling) to write an answer from a fact sheet:
/// instructions that hold it to the supplied numbers, and the facts, written in the style of
/// the answer's locale.
public struct ProsePrompt: Sendable, Equatable {
    /// The instructions (`systemPrompt`).
    public var system: String
    /// The question and the facts (the one user message).
    public var user: String
    /// The most tokens the answer may take.
    public var maxTokens: Int

    /// The prompt for answering `sheet` in `locale`.
    public init(sheet: FactSheet, locale: AnswerLocale, notes: [String]) {
        let style = locale.numberStyle
        let separators = style == .pointDecimal
            ? "a point before decimals and commas between thousands (1,234.5)"
            : "a comma before decimals and a point or a space between thousands (1.234,5)"
        system = """
            You write the answer of a data research tool. Use only the facts given. Every number you write must \
            appear in the facts: copy it as written (you may add or drop thousands separators and trailing zeros); \
            never round, convert, add up, compare by computing, estimate or spell out numbers. Write numbers with \
            \(separators). Cite the facts you use with their numbers in square brackets, such as [1]. \
            Web excerpts may be cited for what they say, but no number may be taken from them. If the facts do not \
            answer the question, say so and say what the facts do cover. Write in \(locale.languageName) \
            (\(locale.identifier)), in Markdown, in at most 200 words, without a source list (it is added after \
            your answer).
            """
        var lines = ["Question: \(sheet.question)", "", "Facts:"]
        for (offset, card) in sheet.cards.enumerated() {
            lines.append("[\(offset + 1)] \(style.localize(card.title))")
            lines.append(style.localize(FactSheet.summary(of: card)))
            let figures = card.figures.map { "\($0.text) (\($0.kind.rawValue.replacingUnderscoresWithSpaces()), \($0.period))" }
            if !figures.isEmpty { lines.append("Figures: " + style.localize(figures.joined(separator: "; "))) }
            lines.append("Source: \(sheet.provenance(of: card))")
            lines.append("")
        }
        if sheet.cards.isEmpty { lines += ["(no card answers this question)", ""] }
        if let notice = sheet.notice { lines += ["Not in the knowledge base: \(style.localize(notice.message))", ""] }
        for result in sheet.web {
            lines.append("[\(result.citationNumber)] Web excerpt (no numbers may be taken from it): \(result.title) — \(result.sourceName): \(result.snippet)")
        }
        if !notes.isEmpty { lines += ["", "Notes to mention: " + notes.joined(separator: " ")] }
        user = lines.joined(separator: "\n")
        maxTokens = 600
    }
}

/// The review of prose the host's model wrote: accepted as it is, or rejected with the reason.
public enum ProseReview: Sendable, Equatable {
    /// The prose passed every check.
    case accepted(String)
    /// The prose failed; the reason names what was wrong.
    case rejected(String)

    /// Reviews `prose` against `sheet` in `locale`: it must say something, cite a card when
    /// there are cards, and state only supplied numbers.
    public static func review(_ prose: String, sheet: FactSheet, locale: AnswerLocale) -> ProseReview {
        let text = prose.trimmingWhitespace()
        guard !text.isEmpty else { return .rejected("the sampled answer was empty") }
        let check = sheet.numberCheck(for: locale)
        if !sheet.cards.isEmpty, NumberCheck.citationMarkers(text).isEmpty {
            return .rejected("the sampled answer cites no source")
        }
        let problems = check.problems(in: text)
        guard problems.isEmpty else { return .rejected("the sampled answer was rejected: " + problems.joined(separator: "; ")) }
        return .accepted(text)
    }
}

extension String {
    /// "growth_percent" as "growth percent".
    func replacingUnderscoresWithSpaces() -> String { String(map { $0 == "_" ? " " : $0 }) }

    /// The text without leading and trailing spaces and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
