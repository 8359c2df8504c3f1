
/// A connected non-blocking TCP socket whose every wait ends at the exchange's deadline or when
/// its `CancellationSignal` fires. Used by one thread at a time; closes the socket on deinit.
final class SocketConnection {
    /// The socket.
    private let fd: Int32
    /// When the whole exchange must be over.
    private let deadline: ContinuousClock.Instant
    /// Interrupts waits when the task is cancelled.
    private let signal: CancellationSignal
    /// Builds the error for a wait that reached `deadline`.
    private let timeoutError: @Sendable () -> HTTPTransportError
    /// `host:port`, for messages.
    let peer: String

    /// Wraps a connected socket.
    private init(fd: Int32, deadline: ContinuousClock.Instant, signal: CancellationSignal, peer: String,
                 timeoutError: @escaping @Sendable () -> HTTPTransportError) {
        self.fd = fd
        self.deadline = deadline
        self.signal = signal
        self.peer = peer
        self.timeoutError = timeoutError
    }

    deinit { close(fd) }

    /// Resolves `url`'s host and connects to its addresses in turn, giving up at the earlier of
    /// `deadline` and `connectTimeout` from now. `timeoutError` describes a later overall timeout.
    static func open(_ url: HTTPURL, deadline: ContinuousClock.Instant, connectTimeout: Duration, signal: CancellationSignal,
                     timeoutError: @escaping @Sendable () -> HTTPTransportError) throws -> SocketConnection {
        let peer = url.isIPv6Literal ? "[\(url.host)]:\(url.port)" : "\(url.host):\(url.port)"
        let connectDeadline = min(deadline, .now + connectTimeout)
        let connectTimeoutError = connectDeadline < deadline ? {
            HTTPTransportError(.connectTimeout, "no connection to \(peer) within \(connectTimeout.wholeMilliseconds) ms: check that the host is reachable, or raise HTTPTransportLimits.connectTimeout")
        } : timeoutError
        var lastErrno: Int32 = 0
        for address in try resolve(url, peer: peer) {
            try signal.checkCancelled()
            let fd = socket(address.family, address.type | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), address.proto)
            guard fd >= 0 else { lastErrno = errno; continue }
            let connection = SocketConnection(fd: fd, deadline: deadline, signal: signal, peer: peer, timeoutError: timeoutError)
            var storage = address.storage
            let status = withUnsafePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, address.length) }
            }
            if status == 0 { return connection }
            guard errno == EINPROGRESS else { lastErrno = errno; continue }
            try connection.wait(for: POLLOUT, until: connectDeadline, onTimeout: connectTimeoutError)
            var soError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length) == 0 else { lastErrno = errno; continue }
            if soError == 0 { return connection }
            lastErrno = soError
        }
        if lastErrno == ECONNREFUSED {
            throw HTTPTransportError(.connectionRefused, "connection to \(peer) refused: is the server running and listening on that port?")
        }
        throw HTTPTransportError(.connectFailed, "cannot connect to \(peer): \(ErrnoText.text(lastErrno))")
    }

    /// One address to try, copied out of `getaddrinfo`'s list.
    private struct Address {
        /// The address family, protocol and socket type.
        var family: Int32, type: Int32, proto: Int32
        /// The socket address.
        var storage: sockaddr_storage
        /// Its length.
        var length: socklen_t
    }

    /// The addresses of `url`'s host, in the resolver's order; DNS failures become `.nameResolutionFailed`.
    private static func resolve(_ url: HTTPURL, peer: String) throws(HTTPTransportError) -> [Address] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(url.host, String(url.port), &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else {
            let reason = status == EAI_SYSTEM ? ErrnoText.text(errno) : String(cString: gai_strerror(status))
            throw HTTPTransportError(.nameResolutionFailed, "cannot resolve host \"\(url.host)\" (\(reason)): check the host name and DNS")
        }
        var addresses: [Address] = []
        var node = list
        while let info = node?.pointee {
            if let raw = info.ai_addr, Int(info.ai_addrlen) <= MemoryLayout<sockaddr_storage>.size {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: UnsafeRawBufferPointer(start: raw, count: Int(info.ai_addrlen))) }
                addresses.append(Address(family: info.ai_family, type: info.ai_socktype, proto: info.ai_protocol,
                                         storage: storage, length: info.ai_addrlen))
            }
            node = info.ai_next
        }
        return addresses
    }

    /// Sends all of `bytes`, waiting for buffer space as needed.
    func sendAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent >= 0 { offset += sent; continue }
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK: try wait(for: POLLOUT, until: deadline, onTimeout: timeoutError)
                case let code: throw HTTPTransportError(.ioFailed, "sending the request to \(peer) failed: \(ErrnoText.text(code))")
                }
            }
        }
    }

    /// Reads what is available into `buffer` (waiting for at least one byte); 0 means the peer closed.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = recv(fd, buffer.baseAddress!, buffer.count, 0)
            if count >= 0 { return count }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: POLLIN, until: deadline, onTimeout: timeoutError)
            case let code: throw HTTPTransportError(.ioFailed, "receiving the response from \(peer) failed: \(ErrnoText.text(code))")
            }
        }
    }

    /// Waits until the socket is ready for `events`; throws `onTimeout()` at `limit` and
    /// `CancellationError` when the signal fires.
    private func wait(for events: Int32, until limit: ContinuousClock.Instant, onTimeout: () -> HTTPTransportError) throws {
        var fds = [pollfd(fd: fd, events: Int16(truncatingIfNeeded: events), revents: 0),
                   pollfd(fd: signal.pollFD, events: Int16(truncatingIfNeeded: POLLIN), revents: 0)]
        while true {
            let remaining = limit - .now
            guard remaining > .zero else { throw onTimeout() }
            let result = poll(&fds, 2, Int32(clamping: remaining.wholeMilliseconds))
            if result < 0 {
                if errno == EINTR { continue }
                throw HTTPTransportError(.ioFailed, "waiting for \(peer) failed: \(ErrnoText.text(errno))")
            }
            if fds[1].revents != 0 { throw CancellationError() }
            if fds[0].revents != 0 { return }
        }
    }
}

extension SocketConnection: ByteSource {}
