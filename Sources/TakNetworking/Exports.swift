// The C ABI of libTakNetworking.so. `tak-mcp` loads this library with dlopen for https requests, so
// that Foundation and FoundationNetworking are mapped only when needed. Keep in step with
// Sources/HTTP/NetworkingPlugin.swift (the loader) and bump `abiVersion` on any change.
//
//   int32_t tak_http_abi_version(void);
//   int32_t tak_http_perform(const char *request_json, const uint8_t *body, size_t body_len, int32_t cancel_fd,
//                            char **response_json, uint8_t **response_body, size_t *response_len, char **error);
//   void tak_http_free(void *pointer);

#if canImport(Glibc)
#endif

/// The ABI version the loader checks before use.
let abiVersion: Int32 = 1

/// The ABI version: `tak-mcp` refuses a library whose version it does not know.
@_cdecl("tak_http_abi_version")
public func tak_http_abi_version() -> Int32 { abiVersion }

/// Performs one request synchronously with URLSession.
///
/// `request_json` is `{"method", "url", "headers": [[name, value]…], "timeout_ms", "max_body_bytes"}`;
/// the body is `body_len` bytes at `body`. When `cancel_fd` (or -1) becomes readable, the request
/// is cancelled. On success returns 0 and sets `response_json` to `{"status", "headers": [[name, value]…]}`
/// and `response_body`/`response_len` to the body; otherwise returns a `PluginStatus` code and sets
/// `error` to a message. Every pointer set must be released with `tak_http_free`.
@_cdecl("tak_http_perform")
public func tak_http_perform(
    _ requestJSON: UnsafePointer<CChar>?,
    _ body: UnsafePointer<UInt8>?,
    _ bodyLength: Int,
    _ cancelFD: Int32,
    _ responseJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ responseBody: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?,
    _ responseLength: UnsafeMutablePointer<Int>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    responseJSON?.pointee = nil
    responseBody?.pointee = nil
    responseLength?.pointee = 0
    error?.pointee = nil
    let outcome = PluginExchange.perform(requestJSON: requestJSON, body: body, bodyLength: bodyLength, cancelFD: cancelFD)
    switch outcome {
    case .success(let head, let data):
        responseJSON?.pointee = CBuffer.string(head)
        responseBody?.pointee = CBuffer.bytes(data)
        responseLength?.pointee = data.count
        return PluginStatus.ok.rawValue
    case .failure(let status, let message):
        error?.pointee = CBuffer.string(message)
        return status.rawValue
    }
}

/// Releases a pointer returned by `tak_http_perform`; nil is ignored.
@_cdecl("tak_http_free")
public func tak_http_free(_ pointer: UnsafeMutableRawPointer?) { free(pointer) }

/// Return codes of `tak_http_perform`; the loader maps them to `HTTPTransportError` codes.
enum PluginStatus: Int32 {
    /// The response is in the out-parameters.
    case ok = 0
    /// The request JSON or URL is not usable.
    case invalidRequest = 1
    /// The overall timeout passed.
    case timeout = 2
    /// `cancel_fd` became readable.
    case cancelled = 3
    /// The body exceeded `max_body_bytes`.
    case bodyTooLarge = 4
    /// URLSession failed (DNS, connect, TLS…).
    case failed = 5
}

/// Copies into memory from `malloc`, which the caller frees with `tak_http_free`.
enum CBuffer {
    /// A NUL-terminated copy of `text`.
    static func string(_ text: String) -> UnsafeMutablePointer<CChar>? { strdup(text) }

    /// A copy of `bytes` (a 1-byte allocation when empty, so the pointer is never nil).
    static func bytes(_ bytes: [UInt8]) -> UnsafeMutablePointer<UInt8>? {
        guard let memory = malloc(max(bytes.count, 1)) else { return nil }
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { memcpy(memory, base, raw.count) }
        }
        return memory.assumingMemoryBound(to: UInt8.self)
    }
}
