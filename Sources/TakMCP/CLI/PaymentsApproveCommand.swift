import Tools

/// `tak-mcp payments approve PAYMENT_ID`: a person approves a payment above `--approve-above`
/// in a terminal. It shows the amount, payee and URL and approves only after `yes`; the agent's
/// next make_payment with the same idempotency_key then pays.
enum PaymentsApproveCommand {
    static func run(configuration: ServerConfiguration, paymentID: String) -> Int32 {
        let stderr = FileDescriptorSink(fd: 2)
        do {
            let environment = try ServerEnvironment.make(configuration: configuration, diagnostics: stderr)
            let payments = try environment.paymentService()
            let (text, waiting) = try payments.approvalQuestion(paymentID)
            print(text)
            guard waiting else {
                stderr.writeLine("tak-mcp: payment \(paymentID) is not awaiting approval")
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
            _ = try payments.approveAsPerson(paymentID)
            print("Approved payment \(paymentID); the agent's next make_payment with the same idempotency_key pays it.")
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
