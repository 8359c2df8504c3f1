import TakMCP
import Testing
import Tools

/// The command line parses what the README documents and refuses the rest with a fix.
@Suite struct CommandLineTests {
    @Test func defaultsToServe() throws {
        #expect(try CommandLineOptions.parse([]).command == .serve)
        #expect(try CommandLineOptions.parse(["serve"]).command == .serve)
    }

    @Test func parsesOptions() throws {
        let options = try CommandLineOptions.parse(["--home", "/tmp/x", "--log-level=debug", "--toolsets", "wallet,marketplace", "--read-only", "--max-line-bytes", "4096"])
        #expect(options.home == "/tmp/x")
        #expect(options.logLevel == .debug)
        #expect(options.toolsets == [.wallet, .marketplace])
        #expect(options.readOnly)
        #expect(options.maxLineBytes == 4096)
        #expect(try CommandLineOptions.parse(["--toolsets", "all"]).toolsets == Set(Toolset.selectable))
        #expect(try CommandLineOptions.parse(["tools", "--format", "markdown"]).command == .tools(format: "markdown"))
        #expect(try CommandLineOptions.parse(["doctor"]).command == .doctor)
        #expect(try CommandLineOptions.parse(["--version"]).command == .version)
    }

    @Test(arguments: [
        (["--bogus"], "unknown option --bogus"),
        (["--home"], "--home needs a value"),
        (["--log-level", "loud"], "--log-level must be one of"),
        (["--toolsets", "marketplace,shopping"], "--toolsets takes a comma-separated list"),
        (["--max-line-bytes", "12"], "--max-line-bytes must be a whole number of bytes, at least 1024"),
        (["launch"], "unknown command launch"),
        (["serve", "extra"], "unexpected argument extra"),
    ])
    func refusesWithAFix(arguments: [String], message: String) {
        #expect {
            _ = try CommandLineOptions.parse(arguments)
        } throws: { error in
            (error as? UsageError)?.message.hasPrefix(message) == true
        }
    }
}
