import Synchronization
import JSON

/// A one-shot "stop now" flag that a blocked `poll` can wait on: a socket pair whose read end
/// becomes readable once `cancel()` is called. It bridges Swift task cancellation to threads that
/// block in system calls (the socket transport) and to the plugin, which watches the descriptor.
final class CancellationSignal: Sendable {
    /// What the lock guards.
    private struct State {
        /// The end `cancel()` writes to; -1 once closed.
        var writeFD: Int32
        /// The end `pollFD` names; -1 once closed.
        var readFD: Int32
        /// Whether `cancel()` was called.
        var cancelled = false
    }

    /// The end to poll for readability; valid until `close()`.
    let pollFD: Int32
    /// The descriptors and flag.
    private let state: Mutex<State>

    /// A signal that is not yet cancelled; throws `.ioFailed` when no descriptors are left.
    init() throws(HTTPTransportError) {
        var fds: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &fds) == 0 else {
            throw HTTPTransportError(.ioFailed, "cannot create a socket pair: \(ErrnoText.text(errno)); raise the open-file limit (ulimit -n)")
        }
        pollFD = fds[0]
        state = Mutex(State(writeFD: fds[1], readFD: fds[0]))
    }

    /// Makes `pollFD` readable; safe from any thread, any number of times, before or after `close()`.
    func cancel() {
        state.withLock { state in
            guard !state.cancelled else { return }
            state.cancelled = true
            if state.writeFD >= 0 {
                var byte: UInt8 = 1
                _ = send(state.writeFD, &byte, 1, Int32(MSG_NOSIGNAL))
            }
        }
    }

    /// Whether `cancel()` has been called.
    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Throws `CancellationError` if `cancel()` has been called (for code on a Dispatch thread, outside any task).
    func checkCancelled() throws {
        if isCancelled { throw CancellationError() }
    }

    /// Closes both descriptors; call once, after the last use of `pollFD`.
    func close() {
        state.withLock { state in
            if state.writeFD >= 0 { _ = Glibc.close(state.writeFD) }
            if state.readFD >= 0 { _ = Glibc.close(state.readFD) }
            state.writeFD = -1
            state.readFD = -1
        }
    }
}

/// Text for `errno` values.
enum ErrnoText {
    /// `strerror(code)` as a Swift string.
    static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}
