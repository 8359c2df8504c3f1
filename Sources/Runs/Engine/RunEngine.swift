public import Knowledge

/// What the web search of a run came to.
public enum WebOutcome: Sendable, Equatable {
    /// The run did not ask for the web.
    case notRequested
    /// No web search provider is configured.
    case unconfigured
    /// The provider failed; the reason says how (never with the key).
    case failed(String)
    /// The provider's results, best first (possibly none).
    case results([WebHit])
}

/// A run's answer before its prose is final: the fact sheet, the local engine's own text, and
/// the prompt for the host's model.
public struct Draft: Sendable {
    /// The request answered.
    public let request: RunRequest
    /// What the knowledge base gave; nil when the run did not search it.
    public let findings: Findings?
    /// The numbered sources.
    public let sheet: FactSheet
    /// Caveats shown under any answer: skipped sources, missing data.
    public let notes: [String]
    /// The prompt for sampling.
    public var prompt: ProsePrompt { ProsePrompt(sheet: sheet, locale: request.locale, notes: notes) }

    /// The local engine's answer, with the English-only note when another language was asked.
    public var extractiveAnswer: String {
        ExtractiveAnswer.assemble(body: ExtractiveAnswer.body(sheet), notes: notes + [request.locale.englishOnlyNote].compactMap { $0 },
                                  sources: ExtractiveAnswer.sources(sheet))
    }

    /// The result, with the host's prose when it passed review, else the engine's own answer;
    /// `sampling` is nil when the client cannot sample.
    public func result(requestID: String, sampling: SamplingOutcome?) -> AgentResult {
        var generation = Generation(method: .extractive)
        var answer = extractiveAnswer
        var allNotes = notes + [request.locale.englishOnlyNote].compactMap { $0 }
        switch sampling {
        case nil:
            break
        case .unavailable(let reason)?:
            generation.fallbackReason = reason
        case .replied(let prose, let model)?:
            generation.model = model
            switch ProseReview.review(prose, sheet: sheet, locale: request.locale) {
            case .accepted(let text):
                generation.method = .sampling
                answer = ExtractiveAnswer.assemble(body: text, notes: notes, sources: ExtractiveAnswer.sources(sheet))
                allNotes = notes
            case .rejected(let reason):
                generation.fallbackReason = reason
            }
        }
        return AgentResult(answer: answer, cards: sheet.cards.map { .object(sheet.base.json(of: $0, maxRows: RunEngine.maxRows)) },
                           webResults: sheet.web, requestID: requestID, generation: generation,
                           resolvedQuery: findings?.resolvedQuery ?? request.query, notes: allNotes)
    }
}

/// What asking the host's model came to.
public enum SamplingOutcome: Sendable, Equatable {
    /// It could not be asked, or refused: the reason.
    case unavailable(String)
    /// It answered with this prose, from this model.
    case replied(String, model: String)
}

/// The local research engine: plans a run on the knowledge base, gathers the cards, and drafts
/// the answer. Pure; the shell performs the web search and the sampling between the steps.
public struct RunEngine: Sendable {
    /// The knowledge base.
    public let base: KnowledgeBase
    /// The most rows of each card's data a result carries (the card tools page the rest).
    public static let maxRows = 200

    /// An engine over `base`.
    public init(base: KnowledgeBase) { self.base = base }

    /// Step 1: the knowledge search for `request` in the context of `thread` (oldest first);
    /// nil when the run does not use the knowledge base.
    public func research(_ request: RunRequest, thread: [PriorRun]) -> Findings? {
        guard request.sources.contains(.data) else { return nil }
        return RunPlanner(base: base).research(request.query, thread: thread)
    }

    /// Step 2: the draft from the findings and the web outcome. Throws `source_unavailable`
    /// when the web was the only source and it could not be searched.
    public func draft(_ request: RunRequest, findings: Findings?, web: WebOutcome) throws(RunError) -> Draft {
        var notes: [String] = []
        var hits: [WebHit] = []
        switch web {
        case .notRequested:
            break
        case .unconfigured where findings == nil:
            throw RunError(code: "source_unavailable", message: "The run asked for the web only, and no web search provider is configured"
                + " (set TAK_WEB_SEARCH_API_KEY; see the README). Ask again with source_indexes [\"data\"] to use the knowledge base.")
        case .failed(let reason) where findings == nil:
            throw RunError(code: "source_unavailable", message: "The web search failed: \(reason).")
        case .unconfigured:
            notes.append("Web search was skipped: no web search provider is configured.")
        case .failed(let reason):
            notes.append("Web search was skipped: \(reason).")
        case .results(let found):
            hits = found
            if found.isEmpty { notes.append("The web search found nothing.") }
        }
        let sheet = FactSheet(question: request.query, cards: findings?.search.cards ?? [], web: hits,
                              notice: findings?.search.notice, base: base)
        return Draft(request: request, findings: findings, sheet: sheet, notes: notes)
    }
}
