import Dispatch
import Store
import Tools

/// The thin shell around a `Session`: stdin lines in, stdout lines out, stderr for logs, and
/// a clean exit on end of input or SIGTERM.
public enum StdioServer {
    /// Serves MCP on stdin/stdout until stdin closes or SIGTERM arrives; returns the exit code.
    public static func run(configuration: ServerConfiguration) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        enlargePipes()
        let stderrSink = FileDescriptorSink(fd: 2)
        let stdoutSink = FileDescriptorSink(fd: 1) {
            // The client closed our stdout: nobody is listening, so stop.
            exit(0)
        }
        let environment: ToolEnvironment
        do {
            environment = try ServerEnvironment.make(configuration: configuration, diagnostics: stderrSink)
        } catch {
            stderrSink.writeLine("tak-mcp: \(error)")
            return 1
        }
        let catalog = ToolCatalog.standard.selecting(toolsets: configuration.toolsets, readOnly: configuration.readOnly)
        let session = Session(configuration: configuration, catalog: catalog, environment: environment,
                              sink: stdoutSink, diagnostics: stderrSink)
        session.log(.info, "serving \(catalog.tools.count) tools on stdio; home \(configuration.home)")

        signal(SIGTERM, SIG_IGN)
        let terminate = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
        terminate.setEventHandler {
            session.log(.info, "SIGTERM: finishing in-flight requests")
            session.shutdown()
            stdoutSink.flush()
            exit(0)
        }
        terminate.resume()

        // Answers to a burst of pipelined requests are held and leave in one write, flushed
        // before the reader waits for more input, so nothing waits on a held answer.
        var reader = LineReader(maxLineBytes: configuration.maxLineBytes) { target in
            stdoutSink.flush()
            let count = LineReader.read(0, into: target)
            if count > 0 { stdoutSink.hold() }
            return count
        }
        loop: while true {
            switch reader.next() {
            case .line(let line): session.receive(line: line)
            case .oversized: session.rejectOversizedLine(limit: configuration.maxLineBytes)
            case .end: break loop
            }
        }
        stdoutSink.flush()
        session.shutdown()
        stdoutSink.flush()
        return 0
    }

    /// Asks for 1 MiB pipes to and from the host (Linux's limit for unprivileged processes; the
    /// default is 64 KiB), so a burst of requests or of answers moves in fewer system calls and the
    /// server blocks less often on a client that reads slowly. Anything but a pipe is left alone.
    static func enlargePipes() {
        let setPipeSize: Int32 = 1031 // F_SETPIPE_SZ, which Swift's Glibc module leaves out
        for descriptor: Int32 in [0, 1] { _ = fcntl(descriptor, setPipeSize, Int32(1 << 20)) }
    }
}
