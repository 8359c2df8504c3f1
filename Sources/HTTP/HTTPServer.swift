import Dispatch
import Synchronization

/// A small HTTP/1.1 server on a loopback (or other IPv4) address: one request per connection
/// (`Connection: close`), each read and answered on a thread of its own, so a handler that
/// blocks (on the store's fsync, say) never holds up Swift's cooperative pool, and a busy pool
/// never holds up the server.
/// For the paywall fixture and local transports; it does no TLS.
///
/// ```swift
/// let server = try HTTPServer(port: 0) { request in HTTPResponse(status: 200, body: Array("ok".utf8)) }
/// defer { server.stop() }
/// ```
public final class HTTPServer: Sendable {
    /// Answers one request, on the connection's thread. A response with status 0 closes the
    /// connection without answering (a dropped connection, for fault-injection fixtures).
    public typealias Handler = @Sendable (HTTPServerRequest) -> HTTPResponse

    /// The port listened on (the kernel's choice when 0 was asked for).
    public let port: Int
    /// The address listened on.
    public let host: String
    /// The listening socket.
    private let listenFD: Int32
    /// Signalled when the accept loop has ended.
    private let finished = DispatchSemaphore(value: 0)
    /// Whether `stop` was called.
    private let stopped = Mutex(false)

    /// `http://host:port`.
    public var url: String { "http://\(host):\(port)" }

    /// Listens on `host` (an IPv4 literal, default 127.0.0.1) and `port` (0: any free port) and
    /// serves every request with `handler`. Throws `.ioFailed` when the address cannot be bound.
    public init(host: String = "127.0.0.1", port: Int = 0, limits: HTTPServerLimits = HTTPServerLimits(),
                handler: @escaping Handler) throws(HTTPTransportError) {
        self.host = host
        (listenFD, self.port) = try Self.listen(host: host, port: port)
        let listenFD = self.listenFD, finished = self.finished
        BlockingIO.run {
            while true {
                let client = accept(listenFD, nil, nil)
                if client < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    break
                }
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                BlockingIO.run { Self.serve(client, limits: limits, handler: handler) }
            }
            finished.signal()
        }
    }

    /// Stops accepting and waits for the accept loop to end; connections being served finish.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listenFD, Int32(SHUT_RDWR))
        finished.wait()
        close(listenFD)
    }

    deinit { stop() }

    /// Reads one request from `fd`, answers it through `handler`, and closes the connection.
    private static func serve(_ fd: Int32, limits: HTTPServerLimits, handler: @escaping Handler) {
        var timeout = timeval(tv_sec: Int(limits.readTimeout.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var reader = HTTPRequestReader(ServerSocket(fd: fd), limits: limits)
        let request: HTTPServerRequest?
        do {
            request = try reader.read()
        } catch let refusal as HTTPRequestReader<ServerSocket>.Refusal {
            write(HTTPResponse(status: refusal.status, headers: ["Content-Type": "text/plain"], body: Array(refusal.reason.utf8)), to: fd)
            close(fd)
            return
        } catch {
            close(fd)
            return
        }
        guard let request else { close(fd); return }
        let response = handler(request)
        if response.status != 0 { write(response, to: fd, headOnly: request.method == "HEAD") }
        close(fd)
    }

    /// Writes `response` with `Content-Length` and `Connection: close`; stops quietly if the client left.
    static func write(_ response: HTTPResponse, to fd: Int32, headOnly: Bool = false) {
        var head = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        for field in response.headers where !HTTPRequest.transportOwnedFields.contains(where: { HTTPHeaders.sameName($0, field.name) }) {
            guard field.value.utf8.allSatisfy({ $0 != 0x0D && $0 != 0x0A }) else { continue }
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + (headOnly ? [] : response.body)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 { if errno == EINTR { continue } else { return } }
                offset += sent
            }
        }
    }

    /// The standard reason phrase for the statuses servers here use.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }

    /// A socket bound to `host:port` and listening, and its port.
    private static func listen(host: String, port: Int) throws(HTTPTransportError) -> (Int32, Int) {
        guard (0...65535).contains(port) else { throw HTTPTransportError(.invalidURL, "the port must be 0 to 65535; got \(port)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw HTTPTransportError(.invalidURL, "\(host) is not an IPv4 address; use 127.0.0.1")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HTTPTransportError(.ioFailed, "cannot create a socket: \(ErrnoText.text(errno))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && Glibc.listen(fd, 128) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            let reason = ErrnoText.text(errno)
            close(fd)
            throw HTTPTransportError(.ioFailed, "cannot listen on \(host):\(port): \(reason)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}

/// A connected blocking socket as a byte source (its receive timeout bounds each read).
struct ServerSocket: ByteSource {
    /// The socket.
    let fd: Int32

    /// Reads what is available; throws when the client is too slow or the read fails.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = recv(fd, buffer.baseAddress!, buffer.count, 0)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw HTTPTransportError(.ioFailed, "reading the request failed: \(ErrnoText.text(errno))")
        }
    }
}
