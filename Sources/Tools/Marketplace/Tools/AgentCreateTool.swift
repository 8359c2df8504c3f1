import Store

/// `agent_create`: a new agent (POST /api/agents).
struct AgentCreateTool: MarketplaceMutationTool {
    struct Arguments: MarketplaceMutationArguments {
        var name: String
        var capabilities: [String]
        var schema_version: String?
        var idempotency_key: String?
        static let schema = JSONSchema.object(properties: [
            "name": .string("A display name, e.g. BuyerAgent.", minLength: 1, maxLength: 128),
            "capabilities": .array("What the agent can do, e.g. [\"request_service\", \"negotiate\"].",
                                   of: .string("A capability.", minLength: 1, maxLength: 64), maxItems: 32),
            "schema_version": MarketplaceInputs.schemaVersion, "idempotency_key": MarketplaceInputs.idempotencyKey,
        ], required: ["name", "capabilities"])
    }

    static let name = "agent_create"
    static let title = "Create an agent"
    static let description = """
        Create a marketplace agent (status active) and get its id (ag_…). Only an operator session \
        (not bound to an agent) may create agents. Pass an idempotency_key and reuse it when you retry.
        """
    static let outputSchema: JSONSchema? = MarketplaceOutputs.agent

    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput {
        return .structured(try market.createAgent(name: arguments.name, capabilities: arguments.capabilities, idempotency: idempotency))
    }
}
