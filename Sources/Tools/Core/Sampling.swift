/// Asking the host's model to write text (MCP `sampling/createMessage`), when the client
/// declared the `sampling` capability. The host decides which model answers, and may show the
/// request to its user first or refuse it.
public struct Sampling: Sendable {
    /// Whether the client declared the sampling capability.
    public var isSupported: Bool
    let create: @Sendable (SamplingRequest) async throws -> SamplingReply

    /// A sampling channel.
    public init(isSupported: Bool, create: @escaping @Sendable (SamplingRequest) async throws -> SamplingReply) {
        self.isSupported = isSupported
        self.create = create
    }

    /// For clients without sampling: asking throws.
    public static let unsupported = Sampling(isSupported: false) { _ in throw SamplingUnavailable() }

    /// Asks the host's model; throws `SamplingUnavailable` when the client cannot be asked or
    /// answered with an error, `CancellationError` when the call was cancelled.
    public func createMessage(_ request: SamplingRequest) async throws -> SamplingReply {
        guard isSupported else { throw SamplingUnavailable() }
        return try await create(request)
    }
}

/// One `sampling/createMessage` request: a conversation of text messages and how to answer it.
public struct SamplingRequest: Sendable, Equatable {
    /// Who said a message.
    public enum Role: String, Sendable {
        /// The person (here: the server's question).
        case user
        /// The model.
        case assistant
    }

    /// The conversation, oldest first: (role, text).
    public var messages: [Message]
    /// The instructions for the model.
    public var systemPrompt: String?
    /// The most tokens the answer may have.
    public var maxTokens: Int
    /// 0 for the most literal answer; nil for the host's default.
    public var temperature: Double?

    /// One text message.
    public struct Message: Sendable, Equatable {
        /// Who said it.
        public var role: Role
        /// What was said.
        public var text: String
        /// A message.
        public init(role: Role, text: String) {
            self.role = role
            self.text = text
        }
    }

    /// A request.
    public init(messages: [Message], systemPrompt: String? = nil, maxTokens: Int, temperature: Double? = nil) {
        self.messages = messages
        self.systemPrompt = systemPrompt
        self.maxTokens = maxTokens
        self.temperature = temperature
    }
}

/// What the host's model answered.
public struct SamplingReply: Sendable, Equatable {
    /// The text of the answer (its text blocks joined).
    public var text: String
    /// The model the host used, as it names it.
    public var model: String
    /// Why the model stopped (`endTurn`, `maxTokens`, …), if the host said.
    public var stopReason: String?

    /// A reply.
    public init(text: String, model: String, stopReason: String? = nil) {
        self.text = text
        self.model = model
        self.stopReason = stopReason
    }
}

/// The host's model cannot be asked: no sampling capability, the user declined, or the client
/// answered with an error.
public struct SamplingUnavailable: Error, Sendable, Equatable {
    /// Why, for logs and for the run's note.
    public var reason: String
    /// Creates the error.
    public init(_ reason: String = "the client does not support sampling") { self.reason = reason }
}
