/// Names a running process so that another process can tell whether it is still alive, even
/// after its pid was reused: `pid:start:boot`, where `start` is the process's start time since
/// boot (`/proc/<pid>/stat` field 22) and `boot` the kernel's boot id. Where `/proc` is missing
/// (macOS) the token is `pid` only and liveness falls back to `kill(pid, 0)`.
public enum ProcessToken {
    /// This process's token.
    public static let current: String = token(of: getpid()) ?? "\(getpid())"

    /// The token of process `pid`, or nil when it does not exist (or `/proc` cannot say).
    static func token(of pid: Int32) -> String? {
        guard let stat = read("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces): state is field 3, start time field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        let boot = read("/proc/sys/kernel/random/boot_id")?.filter { !$0.isWhitespace } ?? "-"
        return "\(pid):\(fields[19]):\(boot)"
    }

    /// Whether the process `token` names is still running.
    public static func isAlive(_ token: String) -> Bool {
        if token == current { return true }
        let parts = token.split(separator: ":")
        guard let pid = parts.first.flatMap({ Int32($0) }), pid > 0 else { return false }
        if parts.count == 3 { return self.token(of: pid) == token }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// A small file's text, or nil.
    private static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glue.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The C library's `read`, named apart from `ProcessToken.read`.
enum Glue {
    /// `read(2)`.
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
        Darwin.read(descriptor, buffer, count)
        #elseif canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Musl.read(descriptor, buffer, count)
        #endif
    }
}
