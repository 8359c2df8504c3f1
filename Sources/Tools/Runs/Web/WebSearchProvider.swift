public import HTTP
public import Runs
import JSON

/// The web search of research runs: the Brave Search API (`GET /res/v1/web/search?q=…`, key in
/// the `X-Subscription-Token` header, results in `web.results[]`), or any endpoint that answers
/// the same way. Configured by `TAK_WEB_SEARCH_API_KEY` (required; without it the web is not
/// searched) and `TAK_WEB_SEARCH_URL` (default Brave's endpoint; `http://` needs no plugin).
/// The key is sent only in its header: never logged, returned or put in an error.
public struct WebSearchProvider: Sendable {
    /// The default endpoint: Brave's web search.
    public static let defaultURL = "https://api.search.brave.com/res/v1/web/search"
    /// How many results a run asks for.
    public static let resultCount = 5

    /// The endpoint.
    public let url: String
    /// The API key (kept out of `description` and every message).
    let apiKey: String
    /// How requests leave the process.
    let http: any HTTPTransport

    /// The provider the environment configures, or nil when `TAK_WEB_SEARCH_API_KEY` is unset or empty.
    public init?(variable: (String) -> String?, http: any HTTPTransport) {
        guard let key = variable("TAK_WEB_SEARCH_API_KEY"), !key.isEmpty else { return nil }
        let configured = variable("TAK_WEB_SEARCH_URL").flatMap { $0.isEmpty ? nil : $0 }
        url = configured ?? Self.defaultURL
        apiKey = key
        self.http = http
    }

    /// Searches for `query` in `language` (an ISO 639-1 code); throws `WebSearchFailure` saying
    /// what went wrong (never with the key) and `CancellationError` when cancelled.
    public func search(_ query: String, language: String) async throws -> [WebHit] {
        let target = url + (url.contains("?") ? "&" : "?") + "q=\(Self.percentEncoded(query))&count=\(Self.resultCount)"
            + "&search_lang=\(Self.percentEncoded(language))"
        let request = HTTPRequest(url: target, headers: ["Accept": "application/json", "X-Subscription-Token": apiKey],
                                  timeout: .seconds(15))
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPTransportError {
            throw WebSearchFailure("the web search provider could not be reached (\(error.code.rawValue))")
        }
        guard response.isSuccess else {
            throw WebSearchFailure("the web search provider answered HTTP \(response.status)")
        }
        guard let json = try? JSONValue.parse(response.text) else {
            throw WebSearchFailure("the web search provider's answer is not JSON")
        }
        return Self.hits(json)
    }

    /// The results of a Brave-shaped answer: title, url, description (tags stripped), the
    /// publisher (profile name, else host) and the page date.
    static func hits(_ json: JSONValue) -> [WebHit] {
        (json["web"]?["results"]?.arrayValue ?? []).prefix(resultCount).compactMap { item in
            guard let title = item["title"]?.stringValue, let url = item["url"]?.stringValue else { return nil }
            let source = item["profile"]?["name"]?.stringValue ?? item["meta_url"]?["hostname"]?.stringValue ?? Self.host(of: url)
            return WebHit(title: stripTags(title), url: url, snippet: stripTags(item["description"]?.stringValue ?? ""),
                          sourceName: source, publishDate: item["page_age"]?.stringValue ?? item["age"]?.stringValue)
        }
    }

    /// The host of an absolute URL.
    static func host(of url: String) -> String {
        let afterScheme = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
        return afterScheme.map(String.init) ?? url
    }

    /// Text without HTML tags (Brave marks matches with `<strong>`) and with common entities read.
    static func stripTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        for (entity, character) in [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            out = out.replacing(entity, with: character)
        }
        return out
    }

    /// `text` percent-encoded for a query string (unreserved characters kept).
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
            }
        }
        return out
    }
}

/// The web search failed; the message names how, never the key.
public struct WebSearchFailure: Error, Sendable, Equatable {
    /// What went wrong.
    public var message: String
    /// A failure.
    public init(_ message: String) { self.message = message }
}
