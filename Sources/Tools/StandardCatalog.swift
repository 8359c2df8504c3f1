import Store
import JSON

/// The lists that make up `ToolCatalog.standard`. Add a new tool here, and the README table and
/// `manifests/tools.json` tests will tell you to regenerate them.
enum StandardCatalog {
    static let tools: [AnyTool] = [
        AnyTool(HealthTool()),
        AnyTool(WalletCreateTool()),
        AnyTool(WalletRegisterTool()),
        AnyTool(WalletListTool()),
        AnyTool(WalletGetTool()),
        AnyTool(WalletBalanceTool()),
        AnyTool(WalletFundTool()),
        AnyTool(MakePaymentTool()),
        AnyTool(PaymentQuoteTool()),
        AnyTool(PaymentDiscoverTool()),
        AnyTool(PaymentListTool()),
        AnyTool(PaymentGetTool()),
        AnyTool(PaymentPolicyTool()),
    ] + MarketplaceCatalog.tools + KnowledgeCatalog.tools + RunsCatalog.tools

    static let resources: [ResourceDefinition] = [
        ResourceDefinition(
            uri: "tak://health", name: "health", title: "Server health",
            description: "The same JSON as the `health` tool: status, TAK version, time and store counts."
        ) { context in
            let output = try await HealthTool().call(NoArguments(), context: context)
            return JSONValue.object(output.structuredContent ?? [:]).jsonText
        },
    ] + KnowledgeCatalog.resources

    static let resourceTemplates: [ResourceTemplateDefinition] = [
        ResourceTemplateDefinition(
            uriTemplate: "tak://tools/{name}", name: "tool", title: "Tool definition",
            description: "The full definition of one tool: description, input and output schemas, annotations.",
            read: { name, context in
                context.catalog.tool(named: name).map { JSONValue.object($0.descriptor).jsonText }
            },
            complete: { prefix, context in
                context.catalog.tools.map(\.name).filter { $0.hasPrefix(prefix) }
            }),
        WalletResources.template,
    ] + MarketplaceCatalog.resourceTemplates + KnowledgeCatalog.resourceTemplates + RunsCatalog.resourceTemplates

    static let prompts: [PromptDefinition] = [GettingStartedPrompt.definition] + MarketplaceCatalog.prompts
}
