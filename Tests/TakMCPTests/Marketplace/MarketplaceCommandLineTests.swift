import TakMCP
import Testing

/// `--agent`, `--deal-approval` and `tak-mcp deals approve` on the command line.
@Suite struct MarketplaceCommandLineTests {
    @Test func serveBindsAnAgentAndChoosesTheApprovalMode() throws {
        let options = try CommandLineOptions.parse(["serve", "--agent", "ag_1", "--deal-approval=human"])
        #expect(options.command == .serve)
        #expect(options.agent == "ag_1")
        #expect(options.dealApproval == "human")
        #expect(try CommandLineOptions.parse(["--agent", "ag_1"]).command == .serve)
    }

    @Test func dealsApprove() throws {
        #expect(try CommandLineOptions.parse(["deals", "approve", "deal_1", "--home", "/tmp/x"]).command == .dealsApprove(dealID: "deal_1"))
    }

    @Test(arguments: [
        (["--deal-approval", "robot"], "agent or human"),
        (["deals", "approve"], "tak-mcp deals approve DEAL_ID"),
        (["deals", "reject", "deal_1"], "tak-mcp deals approve DEAL_ID"),
        (["deals", "approve", "deal_1", "--agent", "ag_1"], "--agent goes with serving"),
        (["doctor", "--deal-approval", "human"], "--deal-approval goes with serving"),
        (["tools", "--agent", "ag_1"], "--agent goes with serving"),
    ])
    func refusals(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try CommandLineOptions.parse(arguments) }
        do {
            _ = try CommandLineOptions.parse(arguments)
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
