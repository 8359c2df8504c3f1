import Glibc
import Store

/// Owns a file descriptor for writing whole lines: one writer, one lock, so messages never
/// interleave. A closed pipe (the client went away) is remembered and reported to `onClosed`.
public final class FileDescriptorSink: MessageSink, DiagnosticSink {
    private let fd: Int32
    private let lock = Locked(false)
    private let onClosed: @Sendable () -> Void

    /// A sink on `fd` (1 for stdout, 2 for stderr).
    public init(fd: Int32, onClosed: @escaping @Sendable () -> Void = {}) {
        self.fd = fd
        self.onClosed = onClosed
    }

    /// Writes `message` and a newline.
    public func write(_ message: [UInt8]) {
        var line = message
        line.append(0x0A)
        writeAll(line)
    }

    /// Writes `line` and a newline.
    public func writeLine(_ line: String) {
        write(Array(line.utf8))
    }

    private func writeAll(_ bytes: [UInt8]) {
        let closed = lock.withLock { closed -> Bool in
            if closed { return false }
            var offset = 0
            let ok = bytes.withUnsafeBytes { raw -> Bool in
                while offset < raw.count {
                    let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR || errno == EAGAIN { continue }
                        return false
                    }
                    offset += written
                }
                return true
            }
            if !ok { closed = true }
            return !ok
        }
        if closed { onClosed() }
    }
}
