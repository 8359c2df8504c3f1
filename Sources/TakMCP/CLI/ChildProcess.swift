import Tools
import HTTP

/// A child process with pipes to its stdin and stdout, spawned with `posix_spawn` (Foundation's
/// `Process` would pull all of Foundation into the server binary).
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    private var stdinFD: Int32
    private var reader: LineReader
    private let stdoutFD: Int32

    /// Starts `path` with `arguments`; its stderr goes to `stderrPath` (e.g. /dev/null), or is
    /// inherited when nil.
    public init(path: String, arguments: [String], stderrPath: String? = nil) throws {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw UsageError("cannot create pipes: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        if let stderrPath { posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_APPEND | O_CREAT, 0o600) }
        for fd in [toChild[0], toChild[1], fromChild[0], fromChild[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, path, &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw UsageError("cannot start \(path): \(String(cString: strerror(status)))")
        }
        pid = child
        stdinFD = toChild[1]
        stdoutFD = fromChild[0]
        reader = LineReader.fileDescriptor(fromChild[0], maxLineBytes: 64 << 20)
    }

    deinit {
        if stdinFD >= 0 { close(stdinFD) }
        close(stdoutFD)
    }

    /// Writes one line to the child's stdin.
    public func send(_ line: [UInt8]) {
        var bytes = line
        bytes.append(0x0A)
        sendRaw(bytes)
    }

    /// Writes bytes to the child's stdin as they are.
    public func sendRaw(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(stdinFD, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    /// Reads one line from the child's stdout; nil at end of output.
    public func receive() -> [UInt8]? {
        while true {
            switch reader.next() {
            case .line(let line): return Array(line)
            case .oversized: continue
            case .end: return nil
            }
        }
    }

    /// Closes the child's stdin (end of input for it).
    public func closeInput() {
        if stdinFD >= 0 { close(stdinFD) }
        stdinFD = -1
    }

    /// Waits for the child to exit; returns its exit status (128+signal when killed).
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// The path of the running executable.
func currentExecutablePath() -> String {
    RunningExecutable.path ?? CommandLine.arguments[0]
}
