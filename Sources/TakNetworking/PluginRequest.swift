import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The request `tak_http_perform` receives, decoded from its JSON.
struct PluginRequest {
    /// The `URLRequest` to run.
    var urlRequest: URLRequest
    /// The overall timeout in milliseconds.
    var timeoutMilliseconds: Int
    /// The largest body accepted.
    var maxBodyBytes: Int

    /// Decodes `json` and attaches `body`; returns a message saying what is wrong on failure.
    static func decode(json: UnsafePointer<CChar>?, body: UnsafePointer<UInt8>?, bodyLength: Int) -> Result<PluginRequest, PluginFailure> {
        func invalid(_ reason: String) -> Result<PluginRequest, PluginFailure> {
            .failure(PluginFailure(status: .invalidRequest, message: "libTakNetworking: \(reason)"))
        }
        guard let json else { return invalid("no request JSON") }
        let data = Data(bytes: json, count: strlen(json))
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return invalid("request JSON is not an object") }
        guard let method = object["method"] as? String, let urlText = object["url"] as? String else {
            return invalid("request JSON needs \"method\" and \"url\" strings")
        }
        guard let url = URL(string: urlText), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return invalid("\"\(urlText)\" is not an http or https URL")
        }
        let timeout = (object["timeout_ms"] as? NSNumber)?.intValue ?? 30_000
        let maxBody = (object["max_body_bytes"] as? NSNumber)?.intValue ?? 16 << 20
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: max(Double(timeout) / 1_000, 0.001))
        request.httpMethod = method
        for pair in object["headers"] as? [[String]] ?? [] where pair.count == 2 {
            request.addValue(pair[1], forHTTPHeaderField: pair[0])
        }
        if let body, bodyLength > 0 { request.httpBody = Data(bytes: body, count: bodyLength) }
        return .success(PluginRequest(urlRequest: request, timeoutMilliseconds: max(timeout, 1), maxBodyBytes: max(maxBody, 0)))
    }
}

/// A failed exchange: the code returned and the message set in `error`.
struct PluginFailure: Error {
    /// The return code.
    var status: PluginStatus
    /// What happened.
    var message: String
}
