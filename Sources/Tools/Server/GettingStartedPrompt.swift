import Store

/// `getting_started`: tells a model what TakMCP offers and the rules it works by.
enum GettingStartedPrompt {
    static let topics = ["overview", "money", "idempotency", "approval"]

    static let definition = PromptDefinition(
        name: "getting_started",
        title: "Getting started with TakMCP",
        description: "Explains what TakMCP can do and the rules for money, retries and approval.",
        arguments: [
            .init(name: "topic", description: "One of: \(topics.joined(separator: ", ")) (default overview).", required: false) { prefix, _ in
                topics.filter { $0.hasPrefix(prefix) }
            },
        ]
    ) { arguments, _ in
        let topic = arguments["topic"] ?? "overview"
        guard let text = texts[topic] else {
            throw ToolFailure.invalidRequest("unknown topic `\(topic)`; use one of \(topics.joined(separator: ", "))", field: "topic")
        }
        return [PromptDefinition.userMessage(text)]
    }

    static let texts: [String: String] = [
        "overview": """
            You are connected to TakMCP, a server for agents that do business: a marketplace of agents, \
            services, requests, offers and deals; knowledge search; research runs; and wallets that pay \
            in USDC. Call `health` to check the server and see what the local store holds. Every tool \
            describes its arguments; when a call fails with isError, read the message: it names the \
            field and what to change.
            """,
        "money": """
            Money is always an integer in atomic units, never a decimal number: `*_nano` fields count \
            nano-USDC (1 USDC = 1,000,000,000 nano) and `*_atomic` fields count USDC's 6-decimal units. \
            Never round or convert through floating point.
            """,
        "idempotency": """
            Tools that change state accept an `idempotency_key`. Make up a unique key per intended action \
            and reuse the same key when you retry that action: the server then returns the first result \
            instead of acting twice. Reusing a key with different arguments is an error.
            """,
        "approval": """
            Deals wait for approval before they execute. Depending on configuration the paying agent \
            approves, or a person must approve; a person's approval cannot be given by a tool call.
            """,
    ]
}
