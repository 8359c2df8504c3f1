import Dispatch
public import Store
import JSON
public import HTTP

/// A request as the test server read it.
public struct ReceivedRequest: Sendable {
    /// The method.
    public var method: String
    /// The request target (path and query).
    public var target: String
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body (by Content-Length).
    public var body: [UInt8]
}

/// One accepted connection, for a handler to answer on.
public struct ServerConnection {
    /// The socket (blocking, with 10-second send/receive timeouts).
    public let fd: Int32

    /// Writes all of `bytes`; stops quietly if the client has gone.
    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 { if errno == EINTR { continue } else { return } }
                offset += sent
            }
        }
    }

    /// Writes `text` as UTF-8.
    public func write(_ text: String) { write(Array(text.utf8)) }

    /// Blocks until the client closes its end (or `seconds` pass): a server that never answers.
    /// Returns true when the client closed first, false when the time ran out.
    @discardableResult
    public func waitForClientClose(seconds: Int32 = 10) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&fds, 1, seconds * 1000)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { return false }
            if recv(fd, &buffer, buffer.count, 0) <= 0 { return true }
        }
    }

    /// Reads one request: the head up to the blank line, then a Content-Length body.
    public func readRequest() -> ReceivedRequest? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var headEnd: Int?
        while headEnd == nil {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data += buffer[..<count]
            headEnd = ServerConnection.find([13, 10, 13, 10], in: data)
        }
        let head = String(decoding: data[..<headEnd!], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        var body = Array(data[(headEnd! + 4)...])
        let length = Int(headers["Content-Length"] ?? "0") ?? 0
        while body.count < length {
            let count = recv(fd, &buffer, min(buffer.count, length - body.count), 0)
            guard count > 0 else { return nil }
            body += buffer[..<count]
        }
        return ReceivedRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    /// The index where `needle` first occurs in `haystack`.
    public static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// A tiny HTTP server on 127.0.0.1 and an ephemeral port: one request per connection, answered
/// by `handler` on the server's own thread, then the connection is closed.
public final class TestHTTPServer: Sendable {
    /// The port it listens on.
    public let port: Int
    /// The listening socket.
    private let listenFD: Int32
    /// Signalled when the accept loop has ended.
    private let finished = DispatchSemaphore(value: 0)
    /// Every request received, in order.
    public let received = Locked<[ReceivedRequest]>([])

    /// `http://127.0.0.1:port`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Starts listening; `handler` answers each request (it is nil when the request could not be read).
    public init(handler: @escaping @Sendable (ReceivedRequest?, ServerConnection) -> Void) throws {
        (listenFD, port) = try TestSocket.listen(backlog: 16)
        let listenFD = self.listenFD, finished = self.finished, received = self.received
        DispatchQueue(label: "TestHTTPServer.\(port)").async {
            while true {
                let client = accept(listenFD, nil, nil)
                if client < 0 { if errno == EINTR || errno == ECONNABORTED { continue } else { break } }
                TestSocket.setTimeouts(client, seconds: 10)
                let connection = ServerConnection(fd: client)
                let request = connection.readRequest()
                if let request { received.withLock { $0.append(request) } }
                handler(request, connection)
                close(client)
            }
            finished.signal()
        }
    }

    /// A server that answers every request with `response` as raw bytes.
    convenience init(raw response: String) throws {
        try self.init { _, connection in connection.write(response) }
    }

    /// Stops accepting and waits for the accept loop (and any handler running) to end.
    public func stop() {
        shutdown(listenFD, Int32(SHUT_RDWR))
        finished.wait()
        close(listenFD)
    }
}

/// Socket helpers for tests.
public enum TestSocket {
    /// Errors from socket set-up.
    struct Failure: Error, CustomStringConvertible {
        /// What failed.
        var description: String
    }

    /// A socket listening on 127.0.0.1 with an ephemeral port, and that port.
    public static func listen(backlog: Int32) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        let port = try bindLoopback(fd)
        guard Glibc.listen(fd, backlog) == 0 else { throw Failure(description: "listen: \(errno)") }
        return (fd, port)
    }

    /// Binds `fd` to 127.0.0.1 port 0 and returns the port the kernel chose.
    public static func bindLoopback(_ fd: Int32) throws -> Int {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                bind(fd, sockaddr, length) == 0 && getsockname(fd, sockaddr, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed).
    public static func unusedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close([fd]) }
        return try bindLoopback(fd)
    }

    /// Opens `connections` non-blocking connections to `port` without accepting them, filling the
    /// listen queue so that the kernel drops further connection attempts.
    public static func fillBacklog(port: Int, connections: Int) -> [Int32] {
        (0..<connections).map { _ in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            _ = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            return fd
        }
    }

    /// Closes every descriptor in `fds`.
    public static func close(_ fds: [Int32]) { fds.forEach { _ = Glibc.close($0) } }

    /// Sets 10-second (or `seconds`) send and receive timeouts so a test cannot hang.
    public static func setTimeouts(_ fd: Int32, seconds: Int) {
        var limit = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }
}

/// Runs `body` with a server, stopping it afterwards.
public func withServer<T>(_ handler: @escaping @Sendable (ReceivedRequest?, ServerConnection) -> Void,
                   _ body: (TestHTTPServer) async throws -> T) async throws -> T {
    let server = try TestHTTPServer(handler: handler)
    defer { server.stop() }
    return try await body(server)
}

/// Runs `body` with a server that answers every request with `response`, stopping it afterwards.
public func withServer<T>(raw response: String, _ body: (TestHTTPServer) async throws -> T) async throws -> T {
    try await withServer({ _, connection in connection.write(response) }, body)
}

/// The time `body` takes.
public func elapsed(_ body: () async throws -> Void) async rethrows -> Duration {
    let start = ContinuousClock.now
    try await body()
    return .now - start
}

/// Large test payloads, built and compared fast even in debug builds.
public enum HTTPTestPayload {
    /// `count` bytes with a position-dependent byte every 4093 bytes (a prime, so misplaced blocks show).
    public static func pattern(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0x2E, count: count)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in stride(from: 0, to: count, by: 4093) { buffer[index] = UInt8(truncatingIfNeeded: index >> 12) }
        }
        return bytes
    }

    /// Whether `a` and `b` hold the same bytes (memcmp).
    public static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
