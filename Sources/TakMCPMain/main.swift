import TakMCP

exit(TakMCPCommand.main(Array(CommandLine.arguments.dropFirst())))
