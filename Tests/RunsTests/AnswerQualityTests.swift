import Foundation
import Knowledge
import Testing
@testable import Runs

/// The local engine's answers state the figures a test computes from the raw rows, cite the
/// cards they come from, and state no number that is not in a card.
@Suite struct AnswerQualityTests {
    @Test("a change since a year states the latest and first values and the change computed from the rows")
    func changeSinceAYear() throws {
        let brazil = RawData.series("gapminder", key: "country", value: "Brazil", measure: "lifeExp", period: "year")
            .filter { Int($0.period)! >= 1990 }
        let first = try #require(brazil.first), last = try #require(brazil.last)
        let (_, result) = try RawData.run("How has life expectancy in Brazil changed since 1990?")
        let lead = try #require(result.answer.split(separator: "\n\n").first)
        #expect(lead.contains("\(RawData.twoDecimals(last.value)) years in \(last.period)"))
        #expect(lead.contains("\(RawData.twoDecimals(first.value)) years in \(first.period)"))
        #expect(lead.contains("+\(RawData.twoDecimals(last.value - first.value)) years"))
        #expect(lead.hasSuffix("[1]"))
        #expect(result.cards.first?["card_id"]?.stringValue?.hasPrefix("gapminder.lifeexp.brazil") == true)
        #expect(result.generation == Generation(method: .extractive))
    }

    @Test("a comparison of two stocks states each latest price and which grew most, from the rows")
    func comparison() throws {
        let apple = RawData.series("stocks", key: "symbol", value: "AAPL", measure: "price", period: "date")
        let microsoft = RawData.series("stocks", key: "symbol", value: "MSFT", measure: "price", period: "date")
        let appleGrowth = apple.last!.value / apple.first!.value, microsoftGrowth = microsoft.last!.value / microsoft.first!.value
        let (_, result) = try RawData.run("Compare Microsoft and Apple stock prices")
        #expect(result.answer.contains(RawData.twoDecimals(apple.last!.value)))
        #expect(result.answer.contains(RawData.twoDecimals(microsoft.last!.value)))
        let faster = appleGrowth > microsoftGrowth ? "AAPL" : "MSFT"
        #expect(result.answer.contains("\(faster) grew most"))
        #expect(result.cards.count >= 2)
    }

    @Test("a ranking question names the entity with the highest value in the asked year first")
    func ranking() throws {
        let rows = RawData.rows("gapminder").filter { $0["year"]?.text == "2007" }
        let top = try #require(rows.max { ($0["gdpPercap"]?.number ?? 0) < ($1["gdpPercap"]?.number ?? 0) })
        let name = try #require(top["country"]?.text)
        let (_, result) = try RawData.run("Which country had the highest GDP per capita in 2007?")
        #expect(result.answer.hasPrefix("Highest in 2007: \(name)"))
        #expect(result.cards.first?["card_type"] == "ranking")
    }

    @Test("a question the data cannot answer says so, with what the knowledge base holds, and cites nothing")
    func unanswerable() throws {
        let (_, result) = try RawData.run("What was Tesla's revenue in 2023?")
        #expect(result.cards.isEmpty)
        #expect(result.answer.hasPrefix("The knowledge base cannot answer this question."))
        #expect(result.answer.contains("\"tesla\""))
        #expect(result.answer.contains("Gapminder: life expectancy, population and GDP per capita by country"))
        #expect(!result.answer.contains("[1]"))
    }

    @Test("every number of the engine's own answer is in its cards", arguments: [
        "How has life expectancy in Brazil changed since 1990?", "Compare Microsoft and Apple stock prices",
        "Which country had the lowest GDP per capita in 2007?", "US unemployment rate since 2000", "Tesla's revenue in 2023",
        "Seattle precipitation", "population of China and India between 1960 and 2000",
    ])
    func extractiveAnswersStateOnlyCardNumbers(question: String) throws {
        let (draft, _) = try RawData.run(question)
        #expect(draft.sheet.numberCheck(for: .english).problems(in: ExtractiveAnswer.body(draft.sheet)) == [])
    }
}
