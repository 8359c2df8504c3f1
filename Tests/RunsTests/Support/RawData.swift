import Foundation
import Knowledge
@testable import Runs

/// Reads the embedded data sets' raw rows, so tests compute expected figures themselves
/// instead of copying what the engine says.
enum RawData {
    /// The shared knowledge base.
    static let base = KnowledgeBase.embedded

    /// The rows of data set `id` as dictionaries from column name to cell.
    static func rows(_ id: String) -> [[String: Cell]] {
        guard let dataset = base.corpus.datasets.first(where: { $0.id == id }) else { return [] }
        return dataset.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(dataset.columns.map(\.name), row))
        }
    }

    /// The value of `measure` for the rows where `key` is `value`, by period text, oldest first.
    static func series(_ id: String, key: String, value: String, measure: String, period: String) -> [(period: String, value: Double)] {
        rows(id).filter { $0[key]?.text == value }
            .compactMap { row in row[measure]?.number.flatMap { number in row[period]?.text.map { ($0, number) } } }
            .sorted { $0.0 < $1.0 }
    }

    /// A computed value as the answers write it: two decimals from 1 up, trailing zeros dropped.
    static func twoDecimals(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A run of `query` after `thread`, answered by the local engine from the data only.
    static func run(_ query: String, thread: [PriorRun] = [], sources: [SourceIndex] = [.data], web: WebOutcome = .notRequested,
                    locale: AnswerLocale = .english, sampling: SamplingOutcome? = nil) throws -> (Draft, AgentResult) {
        let engine = RunEngine(base: base)
        let request = RunRequest(query: query, sources: sources, locale: locale)
        let draft = try engine.draft(request, findings: engine.research(request, thread: thread), web: web)
        return (draft, draft.result(requestID: "req_test", sampling: sampling))
    }

    /// The thread entry a finished run leaves.
    static func prior(_ query: String, _ result: AgentResult) -> PriorRun {
        PriorRun(query: query, resolvedQuery: result.resolvedQuery, cardIDs: result.cards.compactMap { $0["card_id"]?.stringValue })
    }
}
