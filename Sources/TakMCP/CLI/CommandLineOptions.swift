public import Tools
import Payments

/// What the command line asked for.
public enum Command: Sendable, Equatable {
    /// Serve MCP on stdio (the default).
    case serve
    /// Check the home folder, lock and configuration.
    case doctor
    /// Run a scripted session against the real server.
    case demo
    /// Print the tool catalog as `manifests/tools.json` (json) or the README table (markdown).
    case tools(format: String)
    /// Print usage.
    case help
    /// Print the version.
    case version
    /// Import a private key typed or piped on stdin as an agent's wallet.
    case walletImport(agent: String, company: String, network: String)
    /// A person approves a deal (`tak-mcp deals approve DEAL_ID`).
    case dealsApprove(dealID: String)
    /// A person approves a payment above `--approve-above` (`tak-mcp payments approve PAYMENT_ID`).
    case paymentsApprove(paymentID: String)
    /// Serve the 402 demo resources on 127.0.0.1 (`tak-mcp paywall --port N`).
    case paywall(port: Int)
}

/// The parsed command line: a command and the options that configure the server.
public struct CommandLineOptions: Sendable, Equatable {
    /// The command.
    public var command: Command = .serve
    /// `--home DIR`.
    public var home: String?
    /// `--log-level LEVEL`.
    public var logLevel: LogLevel?
    /// `--toolsets a,b`.
    public var toolsets: Set<Toolset>?
    /// `--read-only`.
    public var readOnly = false
    /// `--max-line-bytes N`.
    public var maxLineBytes: Int?
    /// `--agent ID`: the agent a served session is bound to, or the wallet import's agent.
    public var agent: String?
    /// `--deal-approval agent|human`.
    public var dealApproval: String?
    /// `--company ID` (wallet import).
    public var company: String?
    /// `--network NAME` (wallet import).
    public var network: String?
    /// The payment policy flags, as the `TAK_…` variables they set: `--max-payment`,
    /// `--daily-budget`, `--allow-host` (repeatable), `--payment-network`, `--approve-above`.
    public var paymentPolicy: [String: String] = [:]
    /// `--port N` (paywall).
    public var port: Int?

    /// Parses `arguments` (without the program name). Throws a message that says what to change.
    public static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var rest = arguments[...]
        var commandSeen = false
        var walletSubcommand = false
        var dealWords: [String] = []
        var paymentWords: [String] = []
        func value(for flag: String) throws(UsageError) -> String {
            guard let next = rest.popFirst(), !next.hasPrefix("--") else {
                throw UsageError("\(flag) needs a value")
            }
            return next
        }
        while let argument = rest.popFirst() {
            var flag = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            func take() throws(UsageError) -> String {
                if let inline { return inline }
                return try value(for: flag)
            }
            switch flag {
            case "--help", "-h": options.command = .help
            case "--version", "-V": options.command = .version
            case "--home": options.home = try take()
            case "--log-level":
                let name = try take()
                guard let level = LogLevel(rawValue: name) else {
                    throw UsageError("--log-level must be one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", ")); got \(name)")
                }
                options.logLevel = level
            case "--toolsets":
                options.toolsets = try parseToolsets(try take())
            case "--read-only": options.readOnly = true
            case "--agent": options.agent = try take()
            case "--company": options.company = try take()
            case "--network": options.network = try take()
            case "--deal-approval":
                let mode = try take()
                guard ["agent", "human"].contains(mode) else { throw UsageError("--deal-approval must be agent or human; got \(mode)") }
                options.dealApproval = mode
            case "--max-payment", "--daily-budget", "--approve-above":
                let text = try take()
                guard USDCUnits.parse(decimal: text) != nil else {
                    throw UsageError("\(flag) must be a decimal USDC amount such as 0.10 (at most 6 decimals); got \(text)")
                }
                let variable = flag == "--max-payment" ? PaymentPolicyVariables.maxPayment
                    : flag == "--daily-budget" ? PaymentPolicyVariables.dailyBudget : PaymentPolicyVariables.approveAbove
                options.paymentPolicy[variable] = text
            case "--allow-host":
                let host = try take()
                guard !host.isEmpty, !host.contains("/"), !host.contains(",") else {
                    throw UsageError("--allow-host takes one host name such as api.example.com or *.example.com; got \(host)")
                }
                let earlier = options.paymentPolicy[PaymentPolicyVariables.allowHosts]
                options.paymentPolicy[PaymentPolicyVariables.allowHosts] = earlier.map { $0 + "," + host } ?? host
            case "--payment-network":
                let list = try take()
                let names = list.split(separator: ",").map { $0.trimmingCharacters(in: " ") }
                guard !names.isEmpty, names.allSatisfy({ USDCDeployment.named($0) != nil }) else {
                    throw UsageError("--payment-network takes a comma-separated list of \(USDCDeployment.networkNames.joined(separator: ", ")); got \(list)")
                }
                options.paymentPolicy[PaymentPolicyVariables.networks] = names.joined(separator: ",")
            case "--port":
                let text = try take()
                guard let port = Int(text), (0...65535).contains(port) else { throw UsageError("--port must be 0 to 65535; got \(text)") }
                options.port = port
            case "--max-line-bytes":
                let text = try take()
                guard let bytes = Int(text), bytes >= 1024 else {
                    throw UsageError("--max-line-bytes must be a whole number of bytes, at least 1024; got \(text)")
                }
                options.maxLineBytes = bytes
            case "--format":
                let format = try take()
                guard ["json", "markdown"].contains(format) else { throw UsageError("--format must be json or markdown; got \(format)") }
                guard case .tools = options.command else { throw UsageError("--format goes with the `tools` command") }
                options.command = .tools(format: format)
            default:
                if argument.hasPrefix("-") { throw UsageError("unknown option \(argument); see tak-mcp --help") }
                if commandSeen, argument == "import", options.command == .walletImport(agent: "", company: "", network: "") {
                    walletSubcommand = true
                    continue
                }
                if commandSeen, options.command == .dealsApprove(dealID: ""), dealWords.count < 2 {
                    dealWords.append(argument)
                    continue
                }
                if commandSeen, options.command == .paymentsApprove(paymentID: ""), paymentWords.count < 2 {
                    paymentWords.append(argument)
                    continue
                }
                guard !commandSeen else { throw UsageError("unexpected argument \(argument); see tak-mcp --help") }
                commandSeen = true
                switch argument {
                case "serve": options.command = .serve
                case "doctor": options.command = .doctor
                case "demo": options.command = .demo
                case "tools": options.command = .tools(format: "json")
                case "help": options.command = .help
                case "wallet": options.command = .walletImport(agent: "", company: "", network: "")
                case "deals": options.command = .dealsApprove(dealID: "")
                case "payments": options.command = .paymentsApprove(paymentID: "")
                case "paywall": options.command = .paywall(port: 0)
                default: throw UsageError("unknown command \(argument); the commands are serve, doctor, demo, tools, wallet, deals, payments, paywall")
                }
            }
        }
        if case .walletImport = options.command {
            guard walletSubcommand else { throw UsageError("`tak-mcp wallet` needs a subcommand: import") }
            guard let agent = options.agent, !agent.isEmpty, let company = options.company, !company.isEmpty else {
                throw UsageError("`tak-mcp wallet import` needs --agent ID and --company ID")
            }
            options.command = .walletImport(agent: agent, company: company, network: options.network ?? "sandbox")
        } else if options.company != nil || options.network != nil {
            throw UsageError("--company and --network go with `tak-mcp wallet import`")
        } else if options.agent != nil, options.command != .serve {
            throw UsageError("--agent goes with serving (bind the session to an agent) or `tak-mcp wallet import`")
        }
        if case .dealsApprove = options.command {
            guard dealWords.count == 2, dealWords[0] == "approve", !dealWords[1].isEmpty else {
                throw UsageError("usage: tak-mcp deals approve DEAL_ID")
            }
            options.command = .dealsApprove(dealID: dealWords[1])
        }
        if case .paymentsApprove = options.command {
            guard paymentWords.count == 2, paymentWords[0] == "approve", !paymentWords[1].isEmpty else {
                throw UsageError("usage: tak-mcp payments approve PAYMENT_ID")
            }
            options.command = .paymentsApprove(paymentID: paymentWords[1])
        }
        if case .paywall = options.command {
            options.command = .paywall(port: options.port ?? 8402)
        } else if options.port != nil {
            throw UsageError("--port goes with `tak-mcp paywall`")
        }
        if options.dealApproval != nil, options.command != .serve {
            throw UsageError("--deal-approval goes with serving")
        }
        if !options.paymentPolicy.isEmpty, options.command != .serve {
            throw UsageError("the payment policy flags (--max-payment, --daily-budget, --allow-host, --payment-network, --approve-above) go with serving")
        }
        return options
    }

    static func parseToolsets(_ text: String) throws(UsageError) -> Set<Toolset> {
        var chosen = Set<Toolset>()
        for name in text.split(separator: ",", omittingEmptySubsequences: true) {
            let trimmed = name.trimmingCharacters(in: " ")
            if trimmed == "all" {
                chosen.formUnion(Toolset.selectable)
                continue
            }
            guard let toolset = Toolset(rawValue: trimmed), toolset != .core else {
                throw UsageError("--toolsets takes a comma-separated list of \(Toolset.selectable.map(\.rawValue).joined(separator: ", ")) or all; got \(trimmed)")
            }
            chosen.insert(toolset)
        }
        guard !chosen.isEmpty else { throw UsageError("--toolsets needs at least one toolset") }
        return chosen
    }

    /// The usage text.
    public static let usage = """
        tak-mcp \(ServerIdentity.version): an MCP server over stdio for agents that do business.

        USAGE
          tak-mcp [serve] [options]   serve MCP on stdin/stdout (what MCP hosts launch)
          tak-mcp doctor [--home DIR] check the home folder, store, lock and configuration
          tak-mcp demo                run the real server on a throwaway home and play a session
          tak-mcp tools [--format json|markdown]
                                      print the tool catalog (manifests/tools.json or the README table)
          tak-mcp wallet import --agent ID --company ID [--network sandbox|base-sepolia|base]
                                      import a private key typed (not echoed) or piped on stdin
          tak-mcp deals approve DEAL_ID
                                      approve a deal as a person (shows it, asks to confirm)
          tak-mcp payments approve PAYMENT_ID
                                      approve a payment above --approve-above as a person
          tak-mcp paywall [--port N] [--home DIR]
                                      serve 402 demo resources (x402 v1, v2, MPP) on 127.0.0.1,
                                      settled on the sandbox ledger of the home (default port 8402)

        OPTIONS
          --home DIR            where data lives (default: $TAK_HOME, else ~/.tak-mcp)
          --log-level LEVEL     stderr log level: debug, info, notice, warning (default), error, ...
          --toolsets LIST       comma-separated: marketplace, knowledge, runs, wallet, or all (default all;
                                `health` is always on)
          --read-only           expose only read-only tools
          --agent ID            bind the session to one marketplace agent: it may act only as that agent
          --deal-approval MODE  who approves deals: agent (the payer agent, default) or human (a person,
                                through the client or `tak-mcp deals approve`)
          --max-payment USDC    the most one payment may cost (default 0.10)
          --daily-budget USDC   the most all payments of one UTC day may cost (default 1.00)
          --allow-host HOST     pay only requests to HOST (repeatable; *.example.com for subdomains;
                                default: any host)
          --payment-network LIST
                                networks payments may use (default sandbox,base-sepolia; list base
                                to allow real money)
          --approve-above USDC  payments above this need a person's approval (default: none)
          --max-line-bytes N    the longest accepted message (default 33554432 = 32 MiB)
          -h, --help            this text
          -V, --version         the version

        ENVIRONMENT
          TAK_HOME              the home folder, when --home is not given
          TAK_LOG_LEVEL         the stderr log level, when --log-level is not given
          TAK_WALLET_PASSPHRASE passphrase for wallet keystores (else a random master secret in the home)
          TAK_RPC_URL_BASE, TAK_RPC_URL_BASE_SEPOLIA
                                JSON-RPC URLs for on-chain balances on base and base-sepolia
          TAK_SANDBOX_FUND_CAP  the most sandbox USDC wallet_fund lets one wallet hold (default 10000)
          TAK_AGENT_ID, TAK_DEAL_APPROVAL
                                the agent and approval mode, when --agent / --deal-approval are not given
          TAK_MAX_PAYMENT, TAK_DAILY_BUDGET, TAK_ALLOW_HOST, TAK_PAYMENT_NETWORK, TAK_APPROVE_ABOVE
                                the payment policy, when its flags are not given (TAK_ALLOW_HOST
                                and TAK_PAYMENT_NETWORK comma-separated)
        """
}

extension StringProtocol {
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}

/// A command line that cannot be run, with what to change.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
