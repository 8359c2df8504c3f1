import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The state of one request in flight, filled in by the session delegate.
final class PluginExchangeState: @unchecked Sendable {
    /// Guards every field below.
    private let lock = NSLock()
    /// The response head, once received.
    private var response: HTTPURLResponse?
    /// The body so far.
    private var body: [UInt8] = []
    /// The error URLSession completed with.
    private var error: (any Error)?
    /// Set when the body passed `maxBodyBytes`.
    private var tooLarge = false
    /// The largest body accepted.
    private let maxBodyBytes: Int
    /// Signalled when the task completes.
    let completed = DispatchSemaphore(value: 0)

    /// State for a request accepting at most `maxBodyBytes` of body.
    init(maxBodyBytes: Int) { self.maxBodyBytes = maxBodyBytes }

    /// Records the response head.
    func receive(_ response: URLResponse) { lock.withLock { self.response = response as? HTTPURLResponse } }

    /// Appends body bytes; false (and marks the exchange too large) when they pass the limit.
    func append(_ data: Data) -> Bool {
        lock.withLock {
            guard !tooLarge, data.count <= maxBodyBytes - body.count else {
                tooLarge = true
                return false
            }
            body.append(contentsOf: data)
            return true
        }
    }

    /// Records completion and wakes the waiting thread.
    func complete(_ error: (any Error)?) {
        lock.withLock { self.error = error }
        completed.signal()
    }

    /// The outcome, once completed: the response, the body, the error, and whether the body was too large.
    var snapshot: (response: HTTPURLResponse?, body: [UInt8], error: (any Error)?, tooLarge: Bool) {
        lock.withLock { (response, body, error, tooLarge) }
    }
}

/// One URLSession for the process (so TLS connections are reused), with a delegate that routes
/// callbacks to each task's `PluginExchangeState`, enforces the body limit, and refuses redirects.
final class PluginSession: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// The session every request uses.
    static let shared = PluginSession()

    /// Guards `exchanges`.
    private let lock = NSLock()
    /// State per task identifier.
    private var exchanges: [Int: PluginExchangeState] = [:]
    /// The session; created after `self` so it can be the delegate.
    private(set) var session: URLSession!

    /// A session without cookies or a cache.
    override private init() {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// Routes `task`'s callbacks to `state`; call before resuming the task.
    func register(_ task: URLSessionTask, _ state: PluginExchangeState) { lock.withLock { exchanges[task.taskIdentifier] = state } }

    /// Stops routing `task`'s callbacks.
    func unregister(_ task: URLSessionTask) { _ = lock.withLock { exchanges.removeValue(forKey: task.taskIdentifier) } }

    /// The state of `task`, if registered.
    private func state(_ task: URLSessionTask) -> PluginExchangeState? { lock.withLock { exchanges[task.taskIdentifier] } }

    /// Records the response head and continues.
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        state(dataTask)?.receive(response)
        completionHandler(.allow)
    }

    /// Collects body bytes, cancelling the task when they pass the limit.
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        if let state = state(dataTask), !state.append(data) { dataTask.cancel() }
    }

    /// Returns redirects to the caller instead of following them (as the socket transport does).
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    /// Wakes the thread waiting for `task`.
    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        state(task)?.complete(error)
    }
}
