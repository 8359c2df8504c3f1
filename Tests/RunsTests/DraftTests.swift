import Knowledge
import Testing
@testable import Runs

/// Sources, sampled prose and locales: what a draft becomes once the web and the host's model
/// have answered.
@Suite struct DraftTests {
    let question = "How has life expectancy in Brazil changed since 1990?"

    @Test("a web-only run without a provider fails with source_unavailable; with data it says web was skipped")
    func webWithoutProvider() throws {
        #expect(throws: RunError.self) { try RawData.run(question, sources: [.web], web: .unconfigured) }
        do {
            _ = try RawData.run(question, sources: [.web], web: .unconfigured)
        } catch let error as RunError {
            #expect(error.code == "source_unavailable")
        }
        let (_, result) = try RawData.run(question, sources: [.data, .web], web: .unconfigured)
        #expect(result.notes.contains("Web search was skipped: no web search provider is configured."))
        #expect(result.answer.contains("*Web search was skipped: no web search provider is configured.*"))
        #expect(result.webResults.isEmpty)
    }

    @Test("web results are numbered after the cards, listed as sources, and their numbers never restated")
    func webResultsAreCitedNotRestated() throws {
        let hit = WebHit(title: "Brazil life expectancy hits 76.2", url: "http://example.test/a", snippet: "Life expectancy reached 76.2 years in 2019.",
                         sourceName: "example.test", publishDate: "2020-01-02")
        let (draft, result) = try RawData.run(question, sources: [.data, .web], web: .results([hit]))
        let number = draft.sheet.cards.count + 1
        #expect(result.webResults.map(\.citationNumber) == [number])
        let body = ExtractiveAnswer.body(draft.sheet)
        #expect(!body.contains("76.2"))
        #expect(result.answer.contains("[\(number)] Brazil life expectancy hits 76.2 — example.test, 2020-01-02 · http://example.test/a"))
        #expect(!draft.sheet.numberCheck(for: .english).accepts("It reached 76.2 years [\(number)]."))
    }

    @Test("sampled prose that restates the figures is used, and the result says so")
    func acceptedSampling() throws {
        let brazil = RawData.series("gapminder", key: "country", value: "Brazil", measure: "lifeExp", period: "year")
        let prose = "Brazil's life expectancy rose to \(RawData.twoDecimals(brazil.last!.value)) years by 2007 [1]."
        let (_, result) = try RawData.run(question, sampling: .replied(prose, model: "host-model"))
        #expect(result.generation == Generation(method: .sampling, model: "host-model"))
        #expect(result.answer.hasPrefix(prose))
        #expect(result.answer.contains("**Sources**"))
    }

    @Test("sampled prose with a number not supplied is rejected, and the engine's own answer is used")
    func rejectedSampling() throws {
        let (_, result) = try RawData.run(question, sampling: .replied("Brazil's life expectancy rose to 74.1 years by 2007 [1].", model: "host-model"))
        #expect(result.generation.method == .extractive)
        #expect(result.generation.model == "host-model")
        #expect(result.generation.fallbackReason == "the sampled answer was rejected: the number 74.1 is not one of the figures supplied")
        #expect(!result.answer.contains("74.1"))
    }

    @Test("sampled prose that cites nothing is rejected when there are cards")
    func uncitedSampling() throws {
        let (_, result) = try RawData.run(question, sampling: .replied("Life expectancy in Brazil went up.", model: "m"))
        #expect(result.generation.fallbackReason == "the sampled answer cites no source")
    }

    @Test("a client that cannot sample leaves the engine's answer, with the reason")
    func unavailableSampling() throws {
        let (_, result) = try RawData.run(question, sampling: .unavailable("the client answered sampling/createMessage with -1: declined"))
        #expect(result.generation == Generation(method: .extractive, fallbackReason: "the client answered sampling/createMessage with -1: declined"))
    }

    @Test("a German run without sampling is English with a plain note; with sampling the facts and check use decimal commas")
    func german() throws {
        let german = try #require(AnswerLocale("de-DE"))
        let (_, plain) = try RawData.run(question, locale: german)
        #expect(plain.notes.contains { $0.hasPrefix("Only English is available locally, so this answer is in English rather than German (de-DE)") })
        let brazil = RawData.series("gapminder", key: "country", value: "Brazil", measure: "lifeExp", period: "year")
        let english = RawData.twoDecimals(brazil.last!.value)
        let comma = english.replacingOccurrences(of: ".", with: ",")
        let (draft, sampled) = try RawData.run(question, locale: german,
                                               sampling: .replied("Die Lebenserwartung in Brasilien stieg bis 2007 auf \(comma) Jahre [1].", model: "m"))
        #expect(draft.prompt.user.contains("\(comma) years in 2007"))
        #expect(draft.prompt.system.contains("German (de-DE)"))
        #expect(sampled.generation.method == .sampling)
        #expect(!sampled.notes.contains { $0.hasPrefix("Only English") })
        let (_, wrongStyle) = try RawData.run(question, locale: german, sampling: .replied("Sie stieg auf \(english) Jahre [1].", model: "m"))
        #expect(wrongStyle.generation.method == .extractive)
    }

    @Test("locale tags are read as BCP-47 and decide the number style")
    func locales() {
        #expect(AnswerLocale("pt_BR")?.identifier == "pt-BR")
        #expect(AnswerLocale("fr-CA")?.numberStyle == .commaDecimal)
        #expect(AnswerLocale("en-GB")?.isEnglish == true)
        #expect(AnswerLocale("english") == nil)
        #expect(AnswerLocale("de--DE") == nil)
    }
}
