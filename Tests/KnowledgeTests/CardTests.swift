import JSON
import Testing
@testable import Knowledge

/// The cards: enough of them, each with its provenance, in the seeds' shape, found by id.
@Suite("Cards")
struct CardTests {
    let base = KnowledgeBase.embedded

    @Test("The embedded knowledge base holds at least 1,000 cards with unique, URI-safe ids")
    func count() {
        #expect(base.cards.count >= 1000)
        let ids = base.cards.map(\.id)
        #expect(Set(ids).count == ids.count)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-@")
        #expect(ids.allSatisfy { $0.allSatisfy(allowed.contains) })
    }

    @Test("There is a card for every country and indicator, and aggregates for continents and the total")
    func coverage() {
        let countries = Set(RawData.rows("gapminder").map { $0[RawData.column("gapminder", "country")].stringValue! })
        for country in countries {
            for measure in ["lifeexp", "pop", "gdppercap"] {
                #expect(base.cards.contains { $0.id == "gapminder.\(measure).\(Slug.make(country))" }, "\(country) \(measure)")
            }
        }
        for continent in ["africa", "americas", "asia", "europe", "oceania"] {
            #expect(base.baseCard(id: "gapminder.pop.continent-\(continent)") != nil)
            #expect(base.baseCard(id: "gapminder.lifeexp.continent-\(continent)") != nil)
            #expect(base.baseCard(id: "gapminder.gdppercap.continent-\(continent)") == nil, "GDP per capita does not add up")
        }
        for sector in ["nonfarm", "construction", "government"] { #expect(base.baseCard(id: "us-employment.\(sector)") != nil) }
        for symbol in ["aapl", "amzn", "goog", "ibm", "msft"] { #expect(base.baseCard(id: "stocks.price.\(symbol)") != nil) }
        #expect(base.baseCard(id: "iowa-electricity.net-generation.all") != nil)
    }

    @Test("Every card names its sources with URL and licence, and states a unit")
    func provenance() {
        for card in base.cards {
            let json = base.json(of: card, maxRows: 1)
            let sources = json["sources"]?.arrayValue ?? []
            #expect(!sources.isEmpty, "\(card.id)")
            for source in sources {
                #expect(source["source_index"] == "data")
                #expect(source["url"]?.stringValue?.hasPrefix("http") == true)
                #expect(source["source_text"]?.stringValue?.contains("Licence") == true)
            }
            #expect(card.description.contains("Unit: ") && card.description.contains("licence: "), "\(card.id)")
        }
    }

    @Test("A card's JSON has the seeds' fields, URLs at tak://cards and CSV content")
    func shape() throws {
        let card = try #require(base.card(id: "gapminder.lifeexp.brazil"))
        let json = base.json(of: card)
        for key in ["card_id", "title", "description", "semantic_description", "webpage_url", "image_url", "embed_url", "sources",
                    "methodologies", "source_indexes", "card_type", "content", "relevance_score"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["webpage_url"] == "tak://cards/gapminder.lifeexp.brazil")
        #expect(json["image_url"] == "tak://cards/gapminder.lifeexp.brazil/chart.svg")
        #expect(json["card_type"] == "timeseries")
        let content = try #require(json["content"]?.objectValue)
        #expect(content["cost"] == 0)
        #expect(content["total_rows"] == 12)
        #expect(content["truncated"] == false)
        let lines = content["data"]!.stringValue!.split(separator: "\n")
        #expect(lines.first == "Year,Life expectancy at birth (years)")
        #expect(lines[1] == "1952,\(NumberText.plain(Oracle.gapminder("Brazil", "lifeExp")[0].1))")
    }

    @Test("Long data is paged: rows from an offset, truncated when rows are left out")
    func paging() throws {
        let card = try #require(base.card(id: "seattle-temps.temp"))
        let first = try #require(base.json(of: card, maxRows: 100)["content"]?.objectValue)
        #expect(first["total_rows"] == 8759)
        #expect(first["truncated"] == true)
        #expect(first["data"]!.stringValue!.split(separator: "\n").count == 101)
        let last = try #require(base.json(of: card, offset: 8700, maxRows: 100)["content"]?.objectValue)
        #expect(last["data"]!.stringValue!.split(separator: "\n").count == 60)
        #expect(last["row_offset"] == 8700)
    }

    @Test("Derived cards are found again by their id, and bad ids find nothing", arguments: [
        ("vs~gapminder.gdppercap.brazil~gapminder.gdppercap.argentina@1992..2007", true),
        ("vs~gapminder.gdppercap.brazil~gapminder.gdppercap.argentina@1990..2007", true),
        ("corr~gapminder.lifeexp.brazil~gapminder.gdppercap.brazil", true), ("gapminder.lifeexp.brazil@1990..2007", true),
        ("gapminder.lifeexp.ranking.continent-asia@1952", true), ("gapminder.lifeexp.ranking@2006", false),
        ("gapminder.lifeexp.brazil@2010..2020", false), ("vs~gapminder.lifeexp.brazil", false), ("nothing.here", false),
        ("gapminder.lifeexp.brazil@1990-2007", false),
    ])
    func derivedIDs(id: String, exists: Bool) {
        #expect((base.card(id: id) != nil) == exists)
    }

    @Test("Records and summaries state the rows as the data has them")
    func records() throws {
        let airport = try #require(base.card(id: "airports.abq"))
        let row = RawData.rows("airports", where: "iata", is: "ABQ")[0]
        #expect(airport.description.contains(row[RawData.column("airports", "name")].stringValue!))
        #expect(Oracle.close(airport.figures.first { $0.value == row[RawData.column("airports", "latitude")].doubleValue }?.value,
                             row[RawData.column("airports", "latitude")].doubleValue))
        let setosa = try #require(base.card(id: "iris.petallength.setosa"))
        let values = RawData.rows("iris", where: "species", is: "setosa").map { $0[RawData.column("iris", "petalLength")].doubleValue! }
        #expect(Oracle.close(Oracle.figure(setosa, .average)?.value, values.reduce(0, +) / Double(values.count)))
    }

    @Test("The sources list names every data set with package, file and licence")
    func sources() {
        let datasets = base.sourcesJSON["datasets"]?.arrayValue ?? []
        #expect(datasets.count == EmbeddedKnowledge.all.count)
        for dataset in datasets {
            for key in ["id", "source_url", "package", "package_file", "license", "license_note"] {
                #expect(dataset[key]?.stringValue?.isEmpty == false, "\(key)")
            }
        }
    }
}
