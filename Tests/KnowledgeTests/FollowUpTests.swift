import Testing
@testable import Knowledge

/// Follow-up questions keep what the earlier card was about unless they change it.
@Suite("Follow-up questions")
struct FollowUpTests {
    let base = KnowledgeBase.embedded

    func answer(_ text: String, after previous: String? = nil) -> SearchResult {
        base.search(SearchRequest(text: text, effort: .medium, previousCardID: previous))
    }

    @Test("\"What about Argentina?\" keeps the measure and the window of the earlier card")
    func newSubject() throws {
        let earlier = try #require(answer("Brazil life expectancy since 1990").cards.first)
        #expect(earlier.id == "gapminder.lifeexp.brazil@1992..2007")
        let result = answer("What about Argentina?", after: earlier.id)
        let card = try #require(result.cards.first)
        #expect(card.id == "gapminder.lifeexp.argentina@1992..2007")
        #expect(result.interpretation.followsUp == earlier.id)
        let raw = Oracle.window(Oracle.gapminder("Argentina", "lifeExp"), "1992", "2007")
        #expect(Oracle.close(Oracle.figure(card, .change)?.value, raw.last!.1 - raw.first!.1))
    }

    @Test("\"And its population?\" keeps the subject and the window, and changes the measure")
    func newMeasure() throws {
        let card = try #require(answer("and its population?", after: "gapminder.lifeexp.brazil@1992..2007").cards.first)
        #expect(card.id == "gapminder.pop.brazil@1992..2007")
        #expect(Oracle.close(Oracle.figure(card, .latest)?.value, Oracle.value(Oracle.gapminder("Brazil", "pop"), at: "2007")))
    }

    @Test("\"Compare with Chile\" compares the earlier subject with the new one")
    func compareWith() throws {
        let card = try #require(answer("compare with Chile", after: "gapminder.lifeexp.brazil").cards.first)
        #expect(card.id == "vs~gapminder.lifeexp.brazil~gapminder.lifeexp.chile")
    }

    @Test("A follow-up to a ranking keeps its measure and period")
    func afterRanking() throws {
        let card = try #require(answer("and the lowest?", after: "gapminder.lifeexp.ranking@2007").cards.first)
        #expect(card.id == "gapminder.lifeexp.ranking@2007")
    }
}

/// Questions the data cannot answer get no numbers, and say what is missing and what is near.
@Suite("Questions the knowledge base cannot answer")
struct UnanswerableTests {
    let base = KnowledgeBase.embedded

    @Test("No cards and an explicit notice, at every effort", arguments: [
        ("Tesla's revenue in 2023", ["tesla", "revenue"]),
        ("How has NVIDIA revenue grown compared to AMD over the last 5 years?", ["nvidia", "revenue", "amd"]),
        ("Wakanda life expectancy", ["wakanda"]),
        ("Apple revenue", ["revenue"]),
    ], [SearchEffort.fast, .medium, .deep])
    func unanswerable(question: (text: String, missing: [String]), effort: SearchEffort) throws {
        let (text, missing) = question
        let result = base.search(SearchRequest(text: text, effort: effort))
        #expect(result.cards.isEmpty)
        let notice = try #require(result.notice)
        #expect(notice.unanswerable)
        #expect(notice.message.hasPrefix("Not in the knowledge base"))
        #expect(Set(missing).isSubset(of: notice.missing))
    }

    @Test("The nearest data is offered when part of the question is known")
    func nearest() throws {
        let wakanda = try #require(base.search(SearchRequest(text: "Wakanda life expectancy", effort: .medium)).notice)
        #expect(!wakanda.nearest.isEmpty)
        #expect(wakanda.nearest.allSatisfy { $0.id.hasPrefix("gapminder.lifeexp") })
        let apple = try #require(base.search(SearchRequest(text: "Apple revenue", effort: .medium)).notice)
        #expect(apple.nearest.first?.id == "stocks.price.aapl")
    }

    @Test("A period after the data ends gives no figures and names the period")
    func periodOutside() throws {
        let result = base.search(SearchRequest(text: "US unemployment in 2023", effort: .medium))
        #expect(result.cards.isEmpty)
        let notice = try #require(result.notice)
        #expect(notice.unanswerable)
        #expect(notice.missing.contains("2023"))
        #expect(notice.message.contains("No data for 2023"))
    }

    @Test("A question partly about something unknown answers the known part and names the rest")
    func partial() throws {
        let result = base.search(SearchRequest(text: "life expectancy of Brazil and Wakanda", effort: .medium))
        #expect(result.cards.first?.id == "gapminder.lifeexp.brazil")
        let notice = try #require(result.notice)
        #expect(!notice.unanswerable)
        #expect(notice.missing == ["wakanda"])
    }
}
