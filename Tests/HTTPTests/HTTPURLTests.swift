import Testing
@testable import HTTP

/// URL parsing, and how bad URLs are reported through the default transport.
@Suite struct HTTPURLTests {
    /// Host names, IPv4 and IPv6 literals (with zones), ports, paths and queries parse as expected.
    @Test func parsesNamesLiteralsPortsAndTargets() throws {
        let plain = try HTTPURL(parsing: "HTTP://Example.COM")
        #expect(plain.scheme == .http && plain.host == "example.com" && plain.port == 80 && plain.target == "/")
        #expect(plain.hostHeader == "example.com")

        let v4 = try HTTPURL(parsing: "http://127.0.0.1:8080/a/b?c=d&e#frag")
        #expect(v4.host == "127.0.0.1" && v4.port == 8080 && v4.target == "/a/b?c=d&e" && v4.hostHeader == "127.0.0.1:8080")

        let v6 = try HTTPURL(parsing: "https://[::1]:8443?q=1")
        #expect(v6.scheme == .https && v6.host == "::1" && v6.isIPv6Literal && v6.port == 8443 && v6.target == "/?q=1")
        #expect(v6.hostHeader == "[::1]:8443")

        let zoned = try HTTPURL(parsing: "http://[FE80::1%25eth0]/")
        #expect(zoned.host == "fe80::1%eth0" && zoned.hostHeader == "[fe80::1%25eth0]")

        #expect(try HTTPURL(parsing: "https://h:443/").hostHeader == "h")
    }

    /// Bad URLs fail with `.invalidURL` or `.unsupportedScheme` and a message naming the URL.
    @Test(arguments: [
        ("ftp://example.com/", HTTPTransportError.Code.unsupportedScheme),
        ("example.com/path", .invalidURL),
        ("http://", .invalidURL),
        ("http:///path", .invalidURL),
        ("http://[::1/", .invalidURL),
        ("http://[not-ipv6]/", .invalidURL),
        ("http://::1/", .invalidURL),
        ("http://host:0/", .invalidURL),
        ("http://host:70000/", .invalidURL),
        ("http://host:8a/", .invalidURL),
        ("http://user:pass@host/", .invalidURL),
        ("http://a b/", .invalidURL),
        ("http://hôst/", .invalidURL),
        ("http://host/pa th", .invalidURL),
    ])
    func reportsBadURLs(url: String, code: HTTPTransportError.Code) async {
        let error = await #expect(throws: HTTPTransportError.self) {
            try await DefaultHTTPTransport().send(HTTPRequest(url: url))
        }
        #expect(error?.code == code, "\(url)")
        #expect(error?.message.contains(url) == true, "the message names the URL")
    }

    /// Durations convert to whole milliseconds, rounding up and clamping.
    @Test func durationsRoundUpToMilliseconds() {
        #expect(Duration.milliseconds(300).wholeMilliseconds == 300)
        #expect(Duration.microseconds(1).wholeMilliseconds == 1)
        #expect(Duration.seconds(-1).wholeMilliseconds == 0)
        #expect(Duration.seconds(Int64.max).wholeMilliseconds == Int64.max / 2)
    }
}
