import Store
import TakMCP
import Tools

// `swift run -c release tak-bench [--quick] [section ...]`: in-process speed figures.
// Sections: protocol, stdio, store, marketplace, payments, runs, crypto (default: all). The process-level figures (cold start,
// RSS, EOF exit) come from `stdio`, which spawns the release `tak-mcp` next to this binary.

let arguments = Array(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let sections = Set(arguments.filter { !$0.hasPrefix("--") })
func wanted(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }

var report = BenchReport()
if wanted("protocol") { ProtocolBench.run(report: &report, quick: quick) }
if wanted("stdio") { StdioBench.run(report: &report, quick: quick) }
if wanted("store") { StoreBench.run(report: &report, quick: quick) }
if wanted("marketplace") { report.rows += await MarketplaceBench.run(quick: quick).rows }
if wanted("payments") { report.rows += await PaymentsBench.run(quick: quick).rows }
if wanted("runs") { report.rows += await RunsBench.run(quick: quick).rows }
if wanted("crypto") { CryptoBench.run(report: &report) }
report.print()
