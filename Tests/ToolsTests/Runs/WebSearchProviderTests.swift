import HTTP
import JSON
import Runs
import TakTestSupport
import Testing
@testable import Tools

/// The web search provider speaks the Brave Search API to whatever endpoint is configured, sends
/// the key only in its header, and never puts the key in a result or an error.
@Suite struct WebSearchProviderTests {
    /// A raw HTTP response with a JSON body.
    static func response(status: String = "200 OK", _ body: String) -> String {
        "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    }

    static let body = #"""
        {"type":"search","web":{"results":[
          {"title":"Life expectancy in <strong>Brazil</strong>","url":"https://example.org/brazil","description":"Brazil &amp; its <strong>health</strong> data.","page_age":"2024-05-01T00:00:00","profile":{"name":"Example Org"}},
          {"title":"Second","url":"https://second.example/x","description":"No profile."}]}}
        """#

    @Test("no key means no provider")
    func unconfigured() {
        #expect(WebSearchProvider(variable: { _ in nil }, http: SocketHTTPTransport())?.url == nil)
        #expect(WebSearchProvider(variable: { $0 == "TAK_WEB_SEARCH_API_KEY" ? "" : nil }, http: SocketHTTPTransport())?.url == nil)
    }

    @Test("a search sends the query encoded, the key in X-Subscription-Token, and reads title, url, snippet, source and date")
    func search() async throws {
        try await withServer(raw: Self.response(Self.body)) { server in
            let variables = ["TAK_WEB_SEARCH_API_KEY": "sk-test-123", "TAK_WEB_SEARCH_URL": server.url + "/res/v1/web/search"]
            let provider = try #require(WebSearchProvider(variable: { variables[$0] }, http: SocketHTTPTransport()))
            let hits = try await provider.search("life expectancy & Brazil", language: "en")
            let request = try #require(server.received.withLock { $0.first })
            #expect(request.target == "/res/v1/web/search?q=life%20expectancy%20%26%20Brazil&count=5&search_lang=en")
            #expect(request.headers["X-Subscription-Token"] == "sk-test-123")
            #expect(hits == [
                WebHit(title: "Life expectancy in Brazil", url: "https://example.org/brazil", snippet: "Brazil & its health data.",
                       sourceName: "Example Org", publishDate: "2024-05-01T00:00:00"),
                WebHit(title: "Second", url: "https://second.example/x", snippet: "No profile.", sourceName: "second.example"),
            ])
        }
    }

    @Test("an error status is reported by its code, without the key")
    func errorStatus() async throws {
        try await withServer(raw: Self.response(status: "401 Unauthorized", #"{"error":"bad token sk-test-123"}"#)) { server in
            let variables = ["TAK_WEB_SEARCH_API_KEY": "sk-test-123", "TAK_WEB_SEARCH_URL": server.url]
            let provider = try #require(WebSearchProvider(variable: { variables[$0] }, http: SocketHTTPTransport()))
            await #expect(throws: WebSearchFailure("the web search provider answered HTTP 401")) {
                try await provider.search("x", language: "en")
            }
        }
    }
}
