import Store
import Tools
import JSON

/// `resources/list`, `resources/templates/list`, `resources/read`, `resources/subscribe` and
/// `resources/unsubscribe`, and the watcher that sends `notifications/resources/updated`.
extension Session {
    /// The methods of this file.
    static let resourceRoutes: [String: MethodRoute] = [
        "resources/list": .immediate { session, params in .object(try session.listResources(params)) },
        "resources/templates/list": .immediate { session, params in .object(try session.listResourceTemplates(params)) },
        "resources/read": .task(inline: false) { session, params, context in .object(try await session.readResource(params, context: context)) },
        "resources/subscribe": .task(inline: false) { session, params, context in .object(try await session.subscribe(params, context: context)) },
        "resources/unsubscribe": .immediate { session, params in .object(try session.unsubscribe(params)) },
    ]

    func listResources(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        let (page, next) = try Pagination.page(catalog.resources, cursor: params["cursor"], pageSize: configuration.pageSize, kind: "resources")
        return Self.listResult("resources", page.map { .object($0.descriptor) }, next)
    }

    func listResourceTemplates(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        let (page, next) = try Pagination.page(catalog.resourceTemplates, cursor: params["cursor"], pageSize: configuration.pageSize, kind: "templates")
        return Self.listResult("resourceTemplates", page.map { .object($0.descriptor) }, next)
    }

    func readResource(_ params: JSONObject, context: ToolContext) async throws -> JSONObject {
        guard case .string(let uri)? = params["uri"] else { throw JSONRPCError.invalidParams("`uri` is required") }
        let (mimeType, text) = try await resourceText(uri, context: context)
        return Self.contents(uri, mimeType, text)
    }

    /// The MIME type and text of `uri`, or -32002.
    func resourceText(_ uri: String, context: ToolContext) async throws -> (String, String) {
        if let resource = catalog.resources.first(where: { $0.uri == uri }) {
            return (resource.mimeType, try await resource.read(context))
        }
        for template in catalog.resourceTemplates {
            guard let value = template.match(uri) else { continue }
            if let text = try await template.read(value, context) {
                return (template.mimeType, text)
            }
        }
        throw JSONRPCError.resourceNotFound(uri)
    }

    /// `resources/subscribe`: remembers the resource's current text and starts watching the store,
    /// which every process sharing the home writes to, for changes.
    func subscribe(_ params: JSONObject, context: ToolContext) async throws -> JSONObject {
        guard case .string(let uri)? = params["uri"] else { throw JSONRPCError.invalidParams("`uri` is required") }
        let (_, text) = try await resourceText(uri, context: context)
        state.withLock { state in
            state.subscriptions[uri] = text
            if state.watcher == nil, !state.closing {
                state.watcher = Task { [weak self] in await self?.watchSubscriptions(context: context) }
            }
        }
        return [:]
    }

    /// `resources/unsubscribe`.
    func unsubscribe(_ params: JSONObject) throws -> JSONObject {
        guard case .string(let uri)? = params["uri"] else { throw JSONRPCError.invalidParams("`uri` is required") }
        state.withLock { _ = $0.subscriptions.removeValue(forKey: uri) }
        return [:]
    }

    /// Polls the store's sequence number (a stat when nothing changed) and, when it moved,
    /// re-reads each subscribed resource and sends `notifications/resources/updated` for those
    /// whose text changed, whichever process made the change.
    func watchSubscriptions(context: ToolContext) async {
        var seen = (try? environment.store.sequenceNumber()) ?? -1
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 200_000_000)
            guard let sequence = try? environment.store.sequenceNumber(), sequence != seen else { continue }
            seen = sequence
            let subscribed = state.withLock { $0.subscriptions }
            for (uri, before) in subscribed {
                guard let (_, text) = try? await resourceText(uri, context: context), text != before else { continue }
                let stillSubscribed = state.withLock { state -> Bool in
                    guard state.subscriptions[uri] != nil else { return false }
                    state.subscriptions[uri] = text
                    return true
                }
                if stillSubscribed { emit(OutgoingMessage.notification("notifications/resources/updated", ["uri": .string(uri)])) }
            }
        }
    }

    static func contents(_ uri: String, _ mimeType: String, _ text: String) -> JSONObject {
        ["contents": [["uri": .string(uri), "mimeType": .string(mimeType), "text": .string(text)]]]
    }
}
