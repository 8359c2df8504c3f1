import Testing
@testable import Knowledge

/// `auto` picks an effort from the question's complexity; deep search plans, reports and stops.
@Suite("Efforts and deep search")
struct EffortTests {
    let base = KnowledgeBase.embedded

    @Test("Auto resolves by complexity and says why", arguments: [
        ("Brazil life expectancy", SearchEffort.fast), ("MSFT", .fast),
        ("Brazil vs Argentina GDP per capita since 1990", .medium), ("highest life expectancy in 2007", .medium),
        ("Compare life expectancy and GDP per capita of Brazil, Argentina and Chile since 1990", .deep),
        ("A detailed analysis of CO2 emissions in China and India", .deep),
    ])
    func auto(text: String, effort: SearchEffort) {
        let (resolved, reason) = base.resolveEffort(SearchRequest(text: text, effort: .auto))
        #expect(resolved == effort)
        #expect(reason.hasPrefix("auto → \(effort.rawValue)"))
    }

    @Test("An explicit effort is used as given")
    func explicit() {
        #expect(base.resolveEffort(SearchRequest(text: "Compare a, b and c in depth since 1990", effort: .fast)).effort == .fast)
    }

    @Test("Deep search reports numbered steps from reading to assembling, and returns several kinds of cards")
    func deep() throws {
        var steps: [DeepSearch.Progress] = []
        let request = SearchRequest(text: "Compare life expectancy and GDP per capita of Brazil, Argentina and Chile since 1990", effort: .deep, count: 12)
        let result = DeepSearch(base: base, request: request).run { steps.append($0) }
        #expect(steps.map(\.step) == Array(1...steps.count))
        #expect(steps.allSatisfy { $0.total == steps.count })
        #expect(steps.first?.message.hasPrefix("Read the question") == true)
        #expect(steps.filter { $0.message.hasPrefix("Sub-query") }.count == 6)
        #expect(steps.last?.message.hasPrefix("Assembled") == true)
        #expect(result.resolvedEffort == .deep)
        let kinds = Set(result.cards.map(\.kind))
        #expect(kinds.isSuperset(of: [.comparison, .timeseries, .correlation, .ranking]))
        #expect(result.cards.contains { $0.id.hasPrefix("vs~gapminder.lifeexp.brazil~gapminder.lifeexp.continent-americas~gapminder.lifeexp.all") })
        let correlation = try #require(result.cards.first { $0.id.hasPrefix("corr~gapminder.lifeexp.chile~gapminder.gdppercap.chile") })
        let life = Oracle.window(Oracle.gapminder("Chile", "lifeExp"), "1990", "2007").map(\.1)
        let gdp = Oracle.window(Oracle.gapminder("Chile", "gdpPercap"), "1990", "2007").map(\.1)
        #expect(Oracle.close(Oracle.figure(correlation, .correlation)?.value, Oracle.pearson(life, gdp)))
    }

    /// Thrown by the test's progress callback to stop a deep search.
    struct Stop: Error {}

    @Test("A deep search stops at the step whose report throws")
    func stops() {
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try DeepSearch(base: base, request: SearchRequest(text: "Brazil and Chile life expectancy", effort: .deep)).run { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }

    @Test("A deep search of an unanswerable question ends with no cards and the notice")
    func deepUnanswerable() {
        let result = DeepSearch(base: base, request: SearchRequest(text: "Tesla's revenue in 2023", effort: .deep)).run { _ in }
        #expect(result.cards.isEmpty)
        #expect(result.notice?.unanswerable == true)
    }
}
