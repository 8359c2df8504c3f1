import Store

/// Owns a file descriptor for writing whole lines: one writer, one lock, so messages never
/// interleave. A closed pipe (the client went away) is remembered and reported to `onClosed`.
public final class FileDescriptorSink: MessageSink, DiagnosticSink {
    private let fd: Int32
    private let state = Locked(State())
    private let onClosed: @Sendable () -> Void

    struct State {
        /// The pipe broke: nothing more is written.
        var closed = false
        /// While set, messages collect in `pending` and go out in one write at `flush()`.
        var holding = false
        /// Messages held back.
        var pending: [UInt8] = []
    }

    /// Held output is written at once past this size.
    static let holdLimit = 64 << 10

    /// A sink on `fd` (1 for stdout, 2 for stderr).
    public init(fd: Int32, onClosed: @escaping @Sendable () -> Void = {}) {
        self.fd = fd
        self.onClosed = onClosed
    }

    /// Writes `message` and a newline (or holds it until `flush()` while holding).
    public func write(_ message: [UInt8]) {
        let closed = state.withLock { state -> Bool in
            if state.closed { return false }
            if state.holding {
                state.pending.append(contentsOf: message)
                state.pending.append(0x0A)
                if state.pending.count < Self.holdLimit { return false }
                return writePending(&state)
            }
            var line = message
            line.append(0x0A)
            let broke = line.withUnsafeBytes { writeAll($0) }
            if broke { state.closed = true }
            return broke
        }
        if closed { onClosed() }
    }

    /// Writes `line` and a newline.
    public func writeLine(_ line: String) {
        write(Array(line.utf8))
    }

    /// Starts holding messages back, so the answers to a burst of pipelined requests leave in one
    /// system call. The reader calls this when input arrived and `flush()` before it waits again.
    public func hold() {
        state.withLock { $0.holding = true }
    }

    /// Writes what was held back and stops holding.
    public func flush() {
        let closed = state.withLock { state -> Bool in
            state.holding = false
            guard !state.closed, !state.pending.isEmpty else { return false }
            return writePending(&state)
        }
        if closed { onClosed() }
    }

    /// Writes what is held back, then empties the buffer in place (its capacity is reused by the
    /// next burst); returns true when the pipe just broke.
    private func writePending(_ state: inout State) -> Bool {
        let broke = state.pending.withUnsafeBytes { writeAll($0) }
        state.pending.removeAll(keepingCapacity: true)
        if broke { state.closed = true }
        return broke
    }

    /// Writes `raw` fully; returns true when the pipe broke.
    private func writeAll(_ raw: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return true
            }
            offset += written
        }
        return false
    }
}
