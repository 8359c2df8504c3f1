
/// An `http://` or `https://` URL split into what a client needs: where to connect and what to ask for.
public struct HTTPURL: Sendable, Equatable {
    /// The two schemes a transport handles.
    public enum Scheme: String, Sendable {
        /// Plain HTTP, over sockets.
        case http
        /// HTTP over TLS, through the plugin.
        case https

        /// 80 or 443.
        public var defaultPort: Int { self == .http ? 80 : 443 }
    }

    /// The scheme.
    public private(set) var scheme: Scheme
    /// The host to resolve or connect to: a lower-cased name, an IPv4 literal, or an IPv6 literal
    /// without brackets (a zone such as `%eth0` kept).
    public private(set) var host: String
    /// Whether `host` is an IPv6 literal.
    public private(set) var isIPv6Literal: Bool
    /// The port.
    public private(set) var port: Int
    /// The request target: the path (at least `/`) and the query, without the fragment.
    public private(set) var target: String

    /// The path of `target`, without the query.
    public var path: Substring { target.prefix { $0 != "?" } }

    /// The `Host` header value: the host (bracketed if IPv6) and the port when not the default.
    public var hostHeader: String {
        var text = isIPv6Literal ? "[\(host.replacingZoneSeparator())]" : host
        if port != scheme.defaultPort { text += ":\(port)" }
        return text
    }

    /// Parses `text`, throwing `.unsupportedScheme` or `.invalidURL` with what to fix.
    public init(parsing text: String) throws(HTTPTransportError) {
        func invalid(_ reason: String) -> HTTPTransportError {
            HTTPTransportError(.invalidURL, "invalid URL \"\(text)\": \(reason)")
        }
        if let bad = text.utf8.first(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            throw invalid(bad >= 0x80 ? "non-ASCII characters must be percent-encoded (and host names punycoded)"
                                      : "spaces and control characters must be percent-encoded")
        }
        guard let separator = text.firstRange(of: "://") else { throw invalid("expected scheme://host[:port]/path, e.g. http://127.0.0.1:8080/") }
        let schemeText = text[..<separator.lowerBound].lowercased()
        guard let scheme = Scheme(rawValue: schemeText) else {
            throw HTTPTransportError(.unsupportedScheme, "unsupported URL scheme \"\(schemeText)\" in \"\(text)\": use http:// or https://")
        }
        var rest = text[separator.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let pathAndQuery = rest[authorityEnd...]
        target = pathAndQuery.isEmpty ? "/" : pathAndQuery.first == "?" ? "/" + pathAndQuery : String(pathAndQuery)
        guard !authority.contains("@") else { throw invalid("user info is not supported; send credentials in an Authorization header") }

        var portText: Substring = ""
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("an IPv6 address needs a closing ]") }
            let literal = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw invalid("expected :port after the IPv6 address") }
                portText = after.dropFirst()
            }
            host = try HTTPURL.ipv6Host(literal, invalid: invalid)
            isIPv6Literal = true
        } else {
            let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw invalid("an IPv6 address must be written in brackets, e.g. http://[::1]:8080/") }
            if parts.count == 2 { portText = parts[1] }
            let name = parts[0].lowercased()
            guard !name.isEmpty else { throw invalid("the URL has no host") }
            guard name.utf8.allSatisfy({ HTTPURL.isHostByte($0) }) else {
                throw invalid("the host may hold only letters, digits, '.', '-' and '_'")
            }
            host = name
            isIPv6Literal = false
        }
        if portText.isEmpty {
            port = scheme.defaultPort
        } else {
            guard portText.utf8.allSatisfy({ $0 &- 0x30 < 10 }), let number = Int(portText), (1...65535).contains(number) else {
                throw invalid("the port must be a number from 1 to 65535")
            }
            port = number
        }
        self.scheme = scheme
    }

    /// Validates an IPv6 literal (with an optional `%25zone`) and returns it as `getaddrinfo` takes it.
    private static func ipv6Host(_ literal: String, invalid: (String) -> HTTPTransportError) throws(HTTPTransportError) -> String {
        var address = literal
        var zone = ""
        if let percent = literal.firstIndex(of: "%") {
            address = String(literal[..<percent])
            zone = String(literal[literal.index(after: percent)...])
            guard zone.hasPrefix("25"), zone.count > 2 else { throw invalid("an IPv6 zone is written %25zone, e.g. [fe80::1%25eth0]") }
            zone = "%" + zone.dropFirst(2)
        }
        var storage = in6_addr()
        guard inet_pton(AF_INET6, address, &storage) == 1 else { throw invalid("\"\(literal)\" is not an IPv6 address") }
        return address.lowercased() + zone
    }

    /// Whether a byte may appear in a host name or IPv4 literal.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x2E || byte == 0x2D || byte == 0x5F
    }
}

extension String {
    /// An IPv6 host with its zone separator `%` written as `%25`, as URLs and `Host` headers need.
    fileprivate func replacingZoneSeparator() -> String {
        guard let percent = firstIndex(of: "%") else { return self }
        return self[..<percent] + "%25" + self[index(after: percent)...]
    }
}
