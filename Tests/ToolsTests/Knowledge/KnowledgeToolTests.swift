import Foundation
import JSON
import Knowledge
import Synchronization
import Tasks
import Testing
@testable import Tools

/// The knowledge tools in process: search at each effort, deep search as a task polled with
/// knowledge_search_status, cards, charts and resources, and the failures a model can fix.
@Suite("Knowledge tools")
struct KnowledgeToolTests {
    /// Polls knowledge_search_status until the task is terminal; returns the last answer and all events.
    func poll(_ task: String, in environment: ToolEnvironment) async throws -> (answer: JSONValue, events: [JSONValue]) {
        var events: [JSONValue] = []
        var since = 0
        for _ in 0..<2000 {
            let answer = try await succeed("knowledge_search_status", ["task_id": .string(task), "since_index": .integer(Int64(since))], in: environment)
            let new = answer["events"]?.arrayValue ?? []
            events += new
            if let last = new.last?["id"]?.integerValue { since = Int(last) + 1 }
            if ["completed", "failed", "cancelled"].contains(answer["status"]?.stringValue ?? "") { return (answer, events) }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        Issue.record("task \(task) did not finish")
        return (.null, events)
    }

    @Test("A fast search answers at once with cards in the seeds' shape and says which effort it used")
    func fast() async throws {
        let environment = try makeMarketEnvironment()
        let answer = try await succeed("knowledge_search", ["text": "Brazill life expectancy", "search_effort": "fast", "count": 3], in: environment)
        #expect(answer["resolved_effort"] == "fast")
        let cards = try #require(answer["knowledge_cards"]?.arrayValue)
        #expect(cards.count == 3)
        #expect(cards.first?["card_id"] == "gapminder.lifeexp.brazil")
        #expect(cards.first?["image_url"] == "tak://cards/gapminder.lifeexp.brazil/chart.svg")
        #expect(cards.first?["content"]?["cost"] == 0)
        #expect(answer["interpretation"]?["corrections"] == ["brazill → brazil"])
        #expect(answer["locale"] == "en-US")
    }

    @Test("Auto resolves and says so; a comparison question gets a comparison card")
    func autoMedium() async throws {
        let environment = try makeMarketEnvironment()
        let answer = try await succeed("knowledge_search", ["text": "Brazil vs Argentina GDP per capita since 1990"], in: environment)
        #expect(answer["resolved_effort"] == "medium")
        #expect(answer["resolution"]?.stringValue?.hasPrefix("auto → medium") == true)
        #expect(answer["knowledge_cards"]?.arrayValue?.first?["card_type"] == "comparison")
    }

    @Test("A deep search answers with a pending task at once; polling shows numbered events, then the cards")
    func deepPolling() async throws {
        let environment = try makeMarketEnvironment()
        let arguments: JSONValue = ["text": "Compare life expectancy of Brazil, Argentina and Chile since 1990", "search_effort": "deep", "count": 8]
        let started = try await succeed("knowledge_search", arguments, in: environment)
        #expect(started["status"] == "pending")
        #expect(started["resolved_effort"] == "deep")
        let task = try #require(started["task_id"]?.stringValue)
        let (answer, events) = try await poll(task, in: environment)
        #expect(answer["status"] == "completed")
        #expect(events.map { $0["id"]?.integerValue ?? -1 } == Array(0..<Int64(events.count)))
        #expect(events.first?["data"]?["event_type"] == "progress")
        #expect(events.last?["data"]?["event_type"] == "completed")
        #expect(events.contains { $0["data"]?["message"]?.stringValue?.hasPrefix("Sub-query") == true })
        let cards = try #require(answer["result"]?["knowledge_cards"]?.arrayValue)
        #expect(cards.count >= 4)
        #expect(cards.first?["card_type"] == "comparison")
        #expect(answer["created_at"]?.stringValue?.hasSuffix("Z") == true)
    }

    @Test("Inside an MCP task the deep search is the call's own work, reporting progress")
    func deepInsideTask() async throws {
        let environment = try makeMarketEnvironment()
        let reports = Mutex<[Double]>([])
        var context = ToolContext(environment: environment, progress: ProgressReporter { progress, _, _ in reports.withLock { $0.append(progress) } })
        context.runsAsTask = true
        let tool = try #require(ToolCatalog.standard.tool(named: "knowledge_search"))
        let output = try await tool.invoke(["text": "Brazil and Chile life expectancy", "search_effort": "deep"], context: context)
        #expect(!output.isError)
        #expect(output.structuredContent?["knowledge_cards"]?.arrayValue?.isEmpty == false)
        #expect(output.structuredContent?["task_id"] == nil)
        #expect(reports.withLock { $0 } == reports.withLock { $0 }.sorted() && !reports.withLock { $0 }.isEmpty)
    }

    @Test("An unanswerable question gets no cards and says what is missing")
    func unanswerable() async throws {
        let environment = try makeMarketEnvironment()
        let answer = try await succeed("knowledge_search", ["text": "Tesla's revenue in 2023", "search_effort": "medium"], in: environment)
        #expect(answer["knowledge_cards"] == [])
        #expect(answer["not_in_knowledge_base"]?["unanswerable"] == true)
        #expect(answer["not_in_knowledge_base"]?["message"]?.stringValue?.hasPrefix("Not in the knowledge base") == true)
    }

    @Test("Arguments the model can fix are isError results that say what to change", arguments: [
        (["text": "GDP", "source_indexes": ["web"]] as JSONValue, "source_unavailable"),
        (["text": "GDP", "previous_card_id": "no.such.card"] as JSONValue, "invalid_request"),
        (["text": "   "] as JSONValue, "invalid_request"),
        (["text": "GDP", "count": 50] as JSONValue, "invalid_request"),
        (["text": "GDP", "search_effort": "thorough"] as JSONValue, "invalid_request"),
    ])
    func fixable(arguments: JSONValue, code: String) async throws {
        try await fail("knowledge_search", arguments, code: code, in: try makeMarketEnvironment())
    }

    @Test("Unknown tasks and cards are not_found")
    func notFound() async throws {
        let environment = try makeMarketEnvironment()
        try await fail("knowledge_search_status", ["task_id": "task_nothing"], code: "not_found", in: environment)
        try await fail("card_get", ["card_id": "gapminder.lifeexp.atlantis"], code: "not_found", in: environment)
        try await fail("card_chart", ["card_id": "nope"], code: "not_found", in: environment)
    }

    @Test("card_get pages long data")
    func cardGet() async throws {
        let environment = try makeMarketEnvironment()
        let card = try await succeed("card_get", ["card_id": "sf-temps.temp", "row_offset": 100, "max_rows": 10], in: environment)
        #expect(card["content"]?["truncated"] == true)
        #expect(card["content"]?["row_offset"] == 100)
        #expect(card["content"]?["data"]?.stringValue?.split(separator: "\n").count == 11)
    }

    @Test("card_chart returns the PNG as image content and the SVG as an embedded resource")
    func cardChart() async throws {
        let environment = try makeMarketEnvironment()
        let output = try await callTool("card_chart", ["card_id": "gapminder.lifeexp.ranking@2007", "width": 400, "height": 300], in: environment)
        #expect(!output.isError)
        let image = try #require(output.content.first)
        #expect(image["type"] == "image" && image["mimeType"] == "image/png")
        let png = try #require(Data(base64Encoded: image["data"]?.stringValue ?? ""))
        #expect(Array(png.prefix(8)) == PNGEncoder.signature)
        #expect(output.content[1]["resource"]?["uri"] == "tak://cards/gapminder.lifeexp.ranking@2007/chart.svg")
        #expect(output.content[1]["resource"]?["text"]?.stringValue?.hasPrefix("<svg") == true)
    }

    @Test("Card, chart and sources resources read through the catalog's templates")
    func resources() async throws {
        let context = ToolContext(environment: try makeMarketEnvironment())
        let catalog = ToolCatalog.standard
        func read(_ uri: String) async throws -> String? {
            for template in catalog.resourceTemplates { if let value = template.match(uri) { return try await template.read(value, context) } }
            return nil
        }
        let card = try JSONValue.parse(try #require(try await read("tak://cards/stocks.price.msft")))
        #expect(card["card_id"] == "stocks.price.msft")
        #expect(try await read("tak://cards/stocks.price.msft/chart.svg")?.hasPrefix("<svg") == true)
        #expect(try await read("tak://cards/nothing/chart.svg") == nil)
        let sources = try #require(catalog.resources.first { $0.uri == "tak://knowledge/sources" })
        let json = try JSONValue.parse(try await sources.read(context))
        #expect(json["datasets"]?.arrayValue?.count == EmbeddedKnowledgeCount.value)
    }
}

/// How many data sets the embedded knowledge base has, read through the public API.
enum EmbeddedKnowledgeCount {
    static let value = KnowledgeBase.embedded.corpus.datasets.count
}
