import Store
import Testing
@testable import Tools

/// In human mode, deal_approve asks the person through MCP elicitation when the client can ask;
/// only an explicit "approve" approves, and without elicitation the model gets the command.
@Suite struct HumanApprovalElicitationTests {
    /// Calls deal_approve with an elicitation channel that answers `answer` and records the question.
    static func approve(_ deal: String, in environment: ToolEnvironment, answer: Elicitation.Answer?,
                        asked: Locked<[String]>) async throws -> ToolOutput {
        let elicitation = answer.map { answer in
            Elicitation(isSupported: true) { message, schema in
                asked.withLock { $0.append(message) }
                #expect(schema.value["properties"]?["approve"]?["type"] == "boolean")
                return answer
            }
        } ?? .unsupported
        let tool = try #require(ToolCatalog.standard.tool(named: "deal_approve"))
        return try await tool.invoke(["deal_id": .string(deal)], context: ToolContext(environment: environment, elicitation: elicitation))
    }

    @Test func thePersonApprovesThroughTheClient() async throws {
        let environment = try makeMarketEnvironment(variables: ["TAK_DEAL_APPROVAL": "human"])
        let scenario = try await MarketScenario.make(environment)
        let made = try await scenario.deal()
        let asked = Locked<[String]>([])
        let output = try await Self.approve(made.deal, in: environment, answer: .accept(["approve": true]), asked: asked)
        #expect(!output.isError, "\(output.text)")
        #expect(output.structured["status"] == "approved")
        let question = try #require(asked.withLock { $0.first })
        #expect(question.contains(made.deal) && question.contains("1.5") && question.contains(scenario.seller), "amount, payee and deal are shown")
    }

    @Test(arguments: [Elicitation.Answer.decline, .cancel, .accept(["approve": false])])
    func anythingButApproveLeavesTheDealWaiting(answer: Elicitation.Answer) async throws {
        let environment = try makeMarketEnvironment(variables: ["TAK_DEAL_APPROVAL": "human"])
        let scenario = try await MarketScenario.make(environment)
        let made = try await scenario.deal()
        let output = try await Self.approve(made.deal, in: environment, answer: answer, asked: Locked([]))
        #expect(output.isError && output.structured["error"] == "permission_denied")
        let deal = try await succeed("deal_get", ["deal_id": .string(made.deal)], in: environment)
        #expect(deal["status"] == "awaiting_approval")
    }

    @Test func withoutElicitationTheModelGetsTheCommand() async throws {
        let environment = try makeMarketEnvironment(variables: ["TAK_DEAL_APPROVAL": "human"])
        let scenario = try await MarketScenario.make(environment)
        let made = try await scenario.deal()
        let output = try await Self.approve(made.deal, in: environment, answer: nil, asked: Locked([]))
        #expect(output.isError && output.structured["details"]?["command"] == .string("tak-mcp deals approve \(made.deal)"))
    }
}
