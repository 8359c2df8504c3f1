import Store
import Testing
@testable import Tools
import JSON

/// Resource templates, completion, prompts and the catalog entries.
@Suite struct SurfaceTests {
    func template(_ name: String) throws -> ResourceTemplateDefinition {
        try #require(ToolCatalog.standard.resourceTemplates.first { $0.name == name })
    }

    @Test func resourcesReadAndComplete() async throws {
        let environment = try makeMarketEnvironment()
        let context = ToolContext(environment: environment)
        let scenario = try await MarketScenario.make(environment, funding: nil, wallets: false)
        let made = try await scenario.deal()
        try await succeed("message_send", ["deal_id": .string(made.deal), "sender_agent_id": .string(scenario.seller), "content": "hello"], in: environment)

        let agentTemplate = try template("agent")
        #expect(agentTemplate.match("tak://agents/\(scenario.buyer)") == scenario.buyer)
        let agent = try JSONValue.parse(try #require(try await agentTemplate.read(scenario.buyer, context)))
        #expect(agent["name"] == "Buyer")
        #expect(try await agentTemplate.read("ag_nobody", context) == nil)
        #expect(try await agentTemplate.complete("ag_", context).count == 3)
        #expect(try await agentTemplate.complete(String(scenario.buyer.prefix(8)), context).contains(scenario.buyer))

        let request = try JSONValue.parse(try #require(try await template("request").read(made.request, context)))
        #expect(request["offers"]?.arrayValue?.first?["id"] == .string(made.offer))

        let deal = try JSONValue.parse(try #require(try await template("deal").read(made.deal, context)))
        #expect(deal["messages"]?.arrayValue?.first?["content"] == "hello")
        #expect(deal["history"]?.arrayValue?.count == 1)
        #expect(try await template("deal").complete("deal_", context) == [made.deal])

        let stranger = ToolContext(environment: try reopen(environment, variables: ["TAK_AGENT_ID": scenario.rival]))
        let hidden = try JSONValue.parse(try #require(try await template("deal").read(made.deal, stranger)))
        #expect(hidden["messages"] == nil, "messages only for the parties")
    }

    @Test func promptsRenderTheWorkflow() async throws {
        let environment = try makeMarketEnvironment()
        let context = ToolContext(environment: environment)
        let prompts = ToolCatalog.standard.prompts
        let buy = try #require(prompts.first { $0.name == "buy_service" })
        let sell = try #require(prompts.first { $0.name == "sell_service" })
        let bought = try await buy.render(["agent_id": "ag_1", "need": "weather data", "max_price_nano": "2000000000"], context)
        let text = bought.first?["content"]?["text"]?.stringValue ?? ""
        #expect(text.contains("ag_1") && text.contains("weather data") && text.contains("deal_execute") && text.contains("SAME key"))
        let sold = try await sell.render(["agent_id": "ag_2"], context)
        #expect(sold.first?["content"]?["text"]?.stringValue?.contains("offer_submit") == true)
        _ = try await MarketScenario.make(environment, funding: nil, wallets: false)
        #expect(try await buy.arguments[0].complete?("ag_", context).count == 3)
    }

    @Test func catalogHasEveryMarketplaceToolWithSchemas() {
        let names = ["agent_list", "agent_get", "agent_create", "service_list", "service_create", "request_list", "request_get",
                     "request_create", "request_offers", "offer_list", "offer_submit", "offer_respond", "deal_list", "deal_get",
                     "deal_create", "deal_approve", "deal_execute", "deal_reject", "message_list", "message_send"]
        for name in names {
            let tool = ToolCatalog.standard.tool(named: name)
            #expect(tool?.toolset == .marketplace, "\(name)")
            #expect(tool?.outputSchema != nil, "\(name)")
            let readOnly = name.hasSuffix("_list") || name.hasSuffix("_get") || name == "request_offers"
            #expect(tool?.annotations.readOnly == readOnly, "\(name)")
            if !readOnly {
                #expect(tool?.inputSchema.properties["idempotency_key"] != nil, "\(name)")
                #expect(tool?.inputSchema.properties["schema_version"] != nil, "\(name)")
                #expect(tool?.descriptor["description"]?.stringValue?.contains("idempotency_key") == true, "\(name)")
            }
        }
        #expect(ToolCatalog.standard.tool(named: "deal_execute")?.inputSchema.requiredProperties.contains("idempotency_key") == true)
    }
}
