import Store
import Tools
import JSON

/// `sampling/createMessage`: asking the host's model to write text, for tools that draft prose.
extension Session {
    /// The sampling channel for tools given the client's capabilities: available when the
    /// client declared `sampling` (any object; its `context` and `tools` sub-keys are not used).
    /// Made once, at `initialize`.
    func sampling(for capabilities: JSONObject) -> Sampling {
        guard case .object? = capabilities["sampling"] else { return .unsupported }
        return Sampling(isSupported: true) { [weak self] request in
            guard let self else { throw SamplingUnavailable("the session ended") }
            let reply: JSONValue
            do {
                reply = try await self.request("sampling/createMessage", Self.samplingParams(request))
            } catch let error as JSONRPCError {
                throw SamplingUnavailable("the client answered sampling/createMessage with \(error.code): \(error.message)")
            }
            return try Self.samplingReply(reply)
        }
    }

    /// The params of `sampling/createMessage` for `request`: text messages, no context from
    /// other servers.
    static func samplingParams(_ request: SamplingRequest) -> JSONObject {
        var params: JSONObject = [
            "messages": .array(request.messages.map { message in
                ["role": .string(message.role.rawValue), "content": ["type": "text", "text": .string(message.text)]]
            }),
            "maxTokens": .integer(Int64(request.maxTokens)),
            "includeContext": "none",
        ]
        if let systemPrompt = request.systemPrompt { params["systemPrompt"] = .string(systemPrompt) }
        if let temperature = request.temperature { params["temperature"] = number(temperature) }
        return params
    }

    /// The reply's text (one content block, or the text blocks of an array of them) and model;
    /// a reply without text is unusable.
    static func samplingReply(_ reply: JSONValue) throws -> SamplingReply {
        let blocks: [JSONValue]
        switch reply["content"] {
        case .array(let items)?: blocks = items
        case let block?: blocks = [block]
        case nil: blocks = []
        }
        let texts = blocks.compactMap { block -> String? in
            block["type"]?.stringValue == "text" ? block["text"]?.stringValue : nil
        }
        guard !texts.isEmpty else { throw SamplingUnavailable("the client's sampling answer has no text content") }
        return SamplingReply(text: texts.joined(separator: "\n"), model: reply["model"]?.stringValue ?? "unknown",
                             stopReason: reply["stopReason"]?.stringValue)
    }
}
