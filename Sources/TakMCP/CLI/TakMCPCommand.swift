import Tools

/// The `tak-mcp` command: parses the command line and runs the chosen command.
public enum TakMCPCommand {
    /// Runs with the process's arguments and returns the exit code.
    public static func main(_ arguments: [String]) -> Int32 {
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions.parse(arguments)
        } catch {
            FileDescriptorSink(fd: 2).writeLine("tak-mcp: \(error.message)")
            return 64
        }
        let configuration = configuration(from: options)
        switch options.command {
        case .help:
            print(CommandLineOptions.usage)
            return 0
        case .version:
            print("tak-mcp \(ServerIdentity.version)")
            return 0
        case .tools(let format):
            let catalog = ToolCatalog.standard
            print(format == "markdown" ? catalog.markdownTable : catalog.manifestJSON.prettyPrinted, terminator: "")
            return 0
        case .doctor:
            return Doctor.run(configuration: configuration)
        case .demo:
            return Demo.run()
        case .serve:
            return StdioServer.run(configuration: configuration)
        case .walletImport(let agent, let company, let network):
            return WalletImportCommand.run(configuration: configuration, agent: agent, company: company, networkName: network)
        case .dealsApprove(let dealID):
            return DealsApproveCommand.run(configuration: configuration, dealID: dealID)
        case .paymentsApprove(let paymentID):
            return PaymentsApproveCommand.run(configuration: configuration, paymentID: paymentID)
        case .paywall(let port):
            return PaywallCommand.run(configuration: configuration, port: port)
        }
    }

    /// The server configuration from options and environment variables.
    static func configuration(from options: CommandLineOptions) -> ServerConfiguration {
        var configuration = ServerConfiguration(home: HomeFolder.resolve(options.home))
        if let level = options.logLevel {
            configuration.stderrLevel = level
        } else if let value = getenv("TAK_LOG_LEVEL"), let level = LogLevel(rawValue: String(cString: value)) {
            configuration.stderrLevel = level
        }
        if let toolsets = options.toolsets { configuration.toolsets = toolsets }
        configuration.readOnly = options.readOnly
        if let bytes = options.maxLineBytes { configuration.maxLineBytes = bytes }
        // --agent and --deal-approval override TAK_AGENT_ID and TAK_DEAL_APPROVAL for this process.
        if let agent = options.agent { configuration.variableOverrides["TAK_AGENT_ID"] = agent }
        if let mode = options.dealApproval { configuration.variableOverrides["TAK_DEAL_APPROVAL"] = mode }
        // The payment policy flags override their TAK_… variables the same way; tools only read them.
        for (variable, value) in options.paymentPolicy { configuration.variableOverrides[variable] = value }
        return configuration
    }
}
