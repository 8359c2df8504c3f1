import JSON

/// `payment_discover`: a site's advertised paid endpoints and prices.
struct PaymentDiscoverTool: Tool {
    struct Arguments: ToolArguments {
        var base_url: String
        static let schema = JSONSchema.object(properties: [
            "base_url": .string("The site's base URL, e.g. https://tako.com.", minLength: 8, maxLength: 2048),
        ], required: ["base_url"])
    }

    static let name = "payment_discover"
    static let title = "Discover paid endpoints"
    static let description = """
        Read a site's /.well-known/mpp.json (Tako's manifest) and x402 discovery catalog where offered: \
        endpoints, methods and prices. A hint only: the live 402 decides what is paid (use payment_quote).
        """
    static let annotations = ToolAnnotations(readOnly: true, destructive: false, idempotent: true, openWorld: true)
    static let toolset = Toolset.wallet

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        .structured(try await context.payment { try await $0.discover(baseURL: arguments.base_url) })
    }
}
