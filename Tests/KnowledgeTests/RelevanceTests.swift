import Testing
@testable import Knowledge

/// A fixed set of questions: the card each must bring first, and its figures checked against
/// values the test computes from the raw rows.
@Suite("Relevance of answers")
struct RelevanceTests {
    let base = KnowledgeBase.embedded

    func first(_ text: String, _ effort: SearchEffort = .fast, country: String? = nil) throws -> KnowledgeCard {
        try #require(base.search(SearchRequest(text: text, effort: effort, country: country)).cards.first, "no card for \(text)")
    }

    @Test("Plain lookups bring the series asked for first, with aliases and misspellings", arguments: [
        ("Brazil life expectancy", "gapminder.lifeexp.brazil"), ("Brazill life expectancy", "gapminder.lifeexp.brazil"),
        ("life expectancy in brazl", "gapminder.lifeexp.brazil"), ("S. Korea GDP per capita", "gapminder.gdppercap.korea-rep"),
        ("South Korea gdp per capita", "gapminder.gdppercap.korea-rep"), ("US population", "gapminder.pop.united-states"),
        ("MSFT", "stocks.price.msft"), ("Microsoft stock price", "stocks.price.msft"), ("Google share price", "stocks.price.goog"),
        ("GOOG", "stocks.price.goog"), ("world population", "gapminder.pop.all"), ("US unemployment rate", "unemployment1948.rate"),
        ("China CO2 emissions", "emissions.emissions.china"), ("Iowa electricity renewables", "iowa-electricity.net-generation.renewables"),
        ("Seattle precipitation", "seattle-weather.precipitation"), ("US real GDP", "macrodata.realgdp"),
        ("airport ABQ", "airports.abq"), ("iris setosa petal length", "iris.petallength.setosa"),
    ])
    func lookups(text: String, expected: String) throws {
        #expect(try first(text).id == expected)
    }

    @Test("A series card states the latest value, change, growth and extremes as the raw rows give them")
    func seriesFigures() throws {
        let card = try first("Brazil life expectancy")
        let raw = Oracle.gapminder("Brazil", "lifeExp")
        #expect(Oracle.close(Oracle.figure(card, .latest)?.value, raw.last!.1))
        #expect(Oracle.figure(card, .latest)?.period == raw.last!.0)
        #expect(Oracle.close(Oracle.figure(card, .change)?.value, raw.last!.1 - raw.first!.1))
        #expect(Oracle.close(Oracle.figure(card, .growthPercent)?.value, (raw.last!.1 / raw.first!.1 - 1) * 100))
        #expect(Oracle.close(Oracle.figure(card, .peak)?.value, raw.map(\.1).max()))
        #expect(Oracle.close(Oracle.figure(card, .average)?.value, raw.map(\.1).reduce(0, +) / Double(raw.count)))
        let in2007 = RawData.rows("gapminder", where: "year", is: "2007").map { $0[RawData.column("gapminder", "lifeExp")].doubleValue! }
        #expect(Oracle.figure(card, .rank)?.value == Double(in2007.filter { $0 > raw.last!.1 }.count + 1))
        for figure in card.figures { #expect(card.description.contains(figure.text), "\(figure.text) not in the description") }
    }

    @Test("A comparison since 1990 compares the two countries on the years both have, with growth and their ratio")
    func comparison() throws {
        let card = try first("Brazil vs Argentina GDP per capita since 1990", .medium)
        #expect(card.kind == .comparison)
        #expect(card.id == "vs~gapminder.gdppercap.brazil~gapminder.gdppercap.argentina@1992..2007")
        for country in ["Brazil", "Argentina"] {
            let raw = Oracle.window(Oracle.gapminder(country, "gdpPercap"), "1990", "2007")
            let subject = "gapminder.gdppercap.\(country.lowercased())"
            #expect(Oracle.close(Oracle.figure(card, .growthPercent, subject: subject)?.value, (raw.last!.1 / raw.first!.1 - 1) * 100))
        }
        let brazil = Oracle.value(Oracle.gapminder("Brazil", "gdpPercap"), at: "2007")!
        let argentina = Oracle.value(Oracle.gapminder("Argentina", "gdpPercap"), at: "2007")!
        #expect(Oracle.close(Oracle.figure(card, .relativeRatio)?.value, max(brazil, argentina) / min(brazil, argentina)))
        #expect(card.description.contains("1992"))
    }

    @Test("\"Highest … in 2007\" ranks every country at 2007, highest first")
    func ranking() throws {
        let card = try first("Which country had the highest life expectancy in 2007?", .medium)
        #expect(card.id == "gapminder.lifeexp.ranking@2007")
        let column = RawData.column("gapminder", "lifeExp"), country = RawData.column("gapminder", "country")
        let best = RawData.rows("gapminder", where: "year", is: "2007").max { $0[column].doubleValue! < $1[column].doubleValue! }!
        #expect(Oracle.figure(card, .value)?.subject == best[country].stringValue)
        #expect(Oracle.close(Oracle.figure(card, .value)?.value, best[column].doubleValue))
        #expect(Oracle.figure(card, .count)?.value == 142)
    }

    @Test("A ranking within a continent ranks only its countries")
    func groupRanking() throws {
        let card = try first("highest GDP per capita in Africa in 2007", .medium)
        #expect(card.id == "gapminder.gdppercap.ranking.continent-africa@2007")
        let rows = RawData.rows("gapminder", where: "continent", is: "Africa").filter { $0[RawData.column("gapminder", "year")].stringValue == "2007" }
        #expect(Oracle.figure(card, .count)?.value == Double(rows.count))
        let top = rows.map { $0[RawData.column("gapminder", "gdpPercap")].doubleValue! }.max()
        #expect(Oracle.close(Oracle.figure(card, .value)?.value, top))
    }

    @Test("\"Over the last 5 years\" is counted back from the data's last period")
    func lastFiveYears() throws {
        let card = try first("Microsoft stock over the last 5 years", .medium)
        #expect(card.id == "stocks.price.msft@2005-03..2010-03")
        let raw = Oracle.window(RawData.series("stocks", time: "date", measure: "price", where: "symbol", is: "MSFT"), "2005-03", "2010-03")
        #expect(Oracle.close(Oracle.figure(card, .change)?.value, raw.last!.1 - raw.first!.1))
        #expect(Oracle.close(Oracle.figure(card, .trough)?.value, raw.map(\.1).min()))
        #expect(Oracle.figure(card, .trough)?.period == raw.min { $0.1 < $1.1 }!.0)
    }

    @Test("\"Between 2008 and 2010\" keeps the quarters the data has in those years")
    func betweenYears() throws {
        let card = try first("US real GDP between 2008 and 2010", .medium)
        #expect(card.id == "macrodata.realgdp@2008-Q1..2009-Q3")
        let raw = Oracle.window(RawData.series("macrodata", time: "period", measure: "realgdp"), "2008-Q1", "2010-Q4")
        #expect(Oracle.figure(card, .peak)?.period == raw.max { $0.1 < $1.1 }!.0)
        #expect(Oracle.close(Oracle.figure(card, .growthPercent)?.value, (raw.last!.1 / raw.first!.1 - 1) * 100))
    }

    @Test("The total of all countries and a continent's share are sums of the raw rows")
    func totalsAndShares() throws {
        let world = try first("world population")
        let pop = RawData.column("gapminder", "pop"), continent = RawData.column("gapminder", "continent")
        let rows2007 = RawData.rows("gapminder", where: "year", is: "2007")
        let total = rows2007.map { $0[pop].doubleValue! }.reduce(0, +)
        #expect(Oracle.close(Oracle.figure(world, .latest)?.value, total))
        let asia = try #require(base.card(id: "gapminder.pop.continent-asia"))
        let asiaTotal = rows2007.filter { $0[continent].stringValue == "Asia" }.map { $0[pop].doubleValue! }.reduce(0, +)
        #expect(Oracle.close(Oracle.figure(asia, .sharePercent)?.value, asiaTotal / total * 100))
    }

    @Test("A correlation question correlates the two measures on their common years")
    func correlation() throws {
        let result = base.search(SearchRequest(text: "correlation between life expectancy and GDP per capita in Brazil", effort: .medium))
        let card = try #require(result.cards.first { $0.kind == .correlation })
        let life = Oracle.gapminder("Brazil", "lifeExp").map(\.1), gdp = Oracle.gapminder("Brazil", "gdpPercap").map(\.1)
        #expect(Oracle.close(Oracle.figure(card, .correlation)?.value, Oracle.pearson(life, gdp)))
    }

    @Test("The country argument narrows a question that names none")
    func countryArgument() throws {
        #expect(try first("life expectancy", country: "Brazil").id == "gapminder.lifeexp.brazil")
    }
}
