import Store
import Tools

/// `tak-mcp deals approve DEAL_ID`: a person approves a deal in a terminal. It shows the deal
/// (amount, payer, payee, terms) and approves only after the person types `yes`. This is the
/// way in when the server runs with `--deal-approval human` and the client cannot ask.
enum DealsApproveCommand {
    static func run(configuration: ServerConfiguration, dealID: String) -> Int32 {
        let stderr = FileDescriptorSink(fd: 2)
        do {
            let environment = try ServerEnvironment.make(configuration: configuration, diagnostics: stderr)
            let deal = try environment.marketplace.deal(dealID)
            print(HumanApproval.question(for: deal).message)
            guard deal.status == .awaitingApproval else {
                stderr.writeLine("tak-mcp: deal \(dealID) is \(deal.status.rawValue); only a deal awaiting approval can be approved")
                return 1
            }
            print("Type yes to approve: ", terminator: "")
            fflush(nil)
            var reader = LineReader.fileDescriptor(0, maxLineBytes: 256)
            guard case .line(let bytes) = reader.next(),
                  ["y", "yes"].contains(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: " ").lowercased()) else {
                print("")
                stderr.writeLine("tak-mcp: not approved")
                return 1
            }
            let approved = try environment.marketplace.approveAsPerson(dealID: dealID)
            print("Approved deal \(dealID) at \(approved["approved_at"]?.stringValue ?? "now"); the payer may now execute it.")
            return 0
        } catch let failure as ToolFailure {
            stderr.writeLine("tak-mcp: \(failure.code): \(failure.message)")
            return 1
        } catch {
            stderr.writeLine("tak-mcp: \(error)")
            return 1
        }
    }
}
