import Knowledge
import Testing
@testable import Runs

/// Follow-ups resolve against the thread's earlier runs: what the new question leaves out comes
/// from the latest run that cited a card; a question that stands alone is not merged.
@Suite struct FollowUpTests {
    @Test("\"and in 2007?\" keeps the subject and measure and answers for that year")
    func anotherYear() throws {
        let first = "How has life expectancy in Brazil changed since 1990?"
        let (_, earlier) = try RawData.run(first)
        let (draft, result) = try RawData.run("and in 2007?", thread: [RawData.prior(first, earlier)])
        let value = try #require(RawData.series("gapminder", key: "country", value: "Brazil", measure: "lifeExp", period: "year")
            .first { $0.period == "2007" }?.value)
        #expect(draft.findings?.followedUp == earlier.cards.first?["card_id"]?.stringValue)
        #expect(result.resolvedQuery == "Life expectancy at birth · Brazil · 2007")
        #expect(result.answer.contains("\(RawData.twoDecimals(value)) years in 2007"))
    }

    @Test("\"what about India?\" keeps the measure and range for a new country")
    func anotherCountry() throws {
        let first = "How has life expectancy in Brazil changed since 1990?"
        let (_, earlier) = try RawData.run(first)
        let (_, result) = try RawData.run("what about India?", thread: [RawData.prior(first, earlier)])
        let india = RawData.series("gapminder", key: "country", value: "India", measure: "lifeExp", period: "year")
        #expect(result.resolvedQuery.contains("India"))
        #expect(result.cards.first?["card_id"]?.stringValue?.hasPrefix("gapminder.lifeexp.india") == true)
        #expect(result.answer.contains("\(RawData.twoDecimals(india.last!.value)) years in \(india.last!.period)"))
    }

    @Test("\"how about MSFT?\" after a comparison of other stocks answers with MSFT's price")
    func anotherStock() throws {
        let first = "Compare Apple and Amazon stock prices"
        let (_, earlier) = try RawData.run(first)
        let (_, result) = try RawData.run("how about MSFT?", thread: [RawData.prior(first, earlier)])
        let msft = RawData.series("stocks", key: "symbol", value: "MSFT", measure: "price", period: "date")
        #expect(result.cards.first?["card_id"]?.stringValue?.contains("msft") == true)
        #expect(result.answer.contains(RawData.twoDecimals(msft.last!.value)))
    }

    @Test("a follow-up resolves against the latest run that cited a card, skipping one that found nothing")
    func skipsRunsWithoutCards() throws {
        let first = "Life expectancy in Brazil since 1990"
        let (_, earlier) = try RawData.run(first)
        let empty = PriorRun(query: "Tesla's revenue", resolvedQuery: "Tesla's revenue", cardIDs: [])
        let (draft, _) = try RawData.run("and in 2007?", thread: [RawData.prior(first, earlier), empty])
        #expect(draft.findings?.followedUp == earlier.cards.first?["card_id"]?.stringValue)
    }

    @Test("a question with its own measure, or about what the data lacks, stands alone in a thread", arguments: [
        "Which country had the highest GDP per capita in 2007?", "What was Tesla's revenue in 2023?",
    ])
    func standaloneQuestions(question: String) throws {
        let first = "Life expectancy in Brazil since 1990"
        let (_, earlier) = try RawData.run(first)
        let (draft, _) = try RawData.run(question, thread: [RawData.prior(first, earlier)])
        #expect(draft.findings?.followedUp == nil)
    }

    @Test("cues mark follow-ups; weak cues only in short questions")
    func cues() {
        #expect(FollowUpCue.opens("And in 2007?"))
        #expect(FollowUpCue.opens("What about India?"))
        #expect(FollowUpCue.opens("in 1990?"))
        #expect(!FollowUpCue.opens("In which country was life expectancy the highest in 2007?"))
        #expect(!FollowUpCue.opens("Population of India"))
    }
}
