import Tasks
import Crypto
import Runs
import JSON

/// The work of one run, as the task facility runs it: plan and search the knowledge base, search
/// the web when asked, draft, ask the host's model when the client can sample, and return the
/// result. Each step is a progress event, and each report is where a cancellation stops it.
extension RunsService {
    /// The steps a run reports.
    static let steps = 4.0

    /// Works on run `runID` and returns its result; throws `TaskError` for a failed run and
    /// `CancellationError` when cancelled.
    func work(runID: String, threadID: String, request: RunRequest, sampling: Sampling, task: TaskContext) async throws -> AgentResult {
        try await work(runID: runID, threadID: threadID, request: request, sampling: sampling) { message, progress in
            try task.report(message, progress: progress, total: Self.steps)
        }
    }

    /// Works on run `runID`, reporting each step (`report` throws to stop), and returns its result.
    func work(runID: String, threadID: String, request: RunRequest, sampling: Sampling,
              report: (String, Double) throws -> Void) async throws -> AgentResult {
        try report("Reading the question and the thread.", 1)
        let prior = try priorRuns(threadID: threadID, before: runID)
        let findings = engine.research(request, thread: prior)
        if let findings {
            let follow = findings.followedUp.map { " (a follow-up of \($0))" } ?? ""
            try report("Searched the knowledge base for \(findings.resolvedQuery)\(follow): \(findings.search.cards.count) card(s).", 2)
        }
        let web = await webOutcome(request, findings: findings)
        try Task.checkCancellation()
        if case .results(let hits) = web { try report("Searched the web: \(hits.count) result(s).", 2.5) }
        let draft: Draft
        do {
            draft = try engine.draft(request, findings: findings, web: web)
        } catch {
            throw TaskError(code: error.code, message: error.message)
        }
        var outcome: SamplingOutcome?
        if sampling.isSupported {
            try report("Asking the host's model to write the answer from the figures.", 3)
            outcome = await ask(sampling, draft.prompt)
            try Task.checkCancellation()
        }
        let requestID = "req_" + Hex.encode(try random.bytes(12), prefix: false)
        var result = draft.result(requestID: requestID, sampling: outcome)
        if RunCharts.wanted(request) { result = RunCharts.pointing(result, runID: runID) }
        let how = result.generation.method == .sampling ? "the host's model wrote it (checked)" : "the local engine wrote it"
        try report("Answer ready: \(how).", Self.steps)
        return result
    }

    /// The web search of a run: not asked, not configured, failed, or its results. The query is
    /// the question as resolved when it followed up on the thread, else as asked.
    func webOutcome(_ request: RunRequest, findings: Findings?) async -> WebOutcome {
        guard request.sources.contains(.web) else { return .notRequested }
        guard let web else { return .unconfigured }
        let query = findings?.followedUp != nil ? findings!.resolvedQuery.replacing(" · ", with: " ") : request.query
        do {
            return .results(try await web.search(query, language: request.locale.language))
        } catch let failure as WebSearchFailure {
            return .failed(failure.message)
        } catch {
            return .failed("the web search was stopped")
        }
    }

    /// Asks the host's model for the prose; a refusal or an error becomes the reason it was not used.
    func ask(_ sampling: Sampling, _ prompt: ProsePrompt) async -> SamplingOutcome {
        do {
            let reply = try await sampling.createMessage(SamplingRequest(
                messages: [.init(role: .user, text: prompt.user)], systemPrompt: prompt.system, maxTokens: prompt.maxTokens, temperature: 0))
            return .replied(reply.text, model: reply.model)
        } catch let unavailable as SamplingUnavailable {
            return .unavailable(unavailable.reason)
        } catch {
            return .unavailable("the sampling request was stopped")
        }
    }
}
