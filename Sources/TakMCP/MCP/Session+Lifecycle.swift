import Store
import Tools
import JSON

/// `initialize` and `logging/setLevel`: the handshake and the client's choice of log level.
extension Session {
    /// The methods of this file.
    static let lifecycleRoutes: [String: MethodRoute] = [
        "initialize": .immediate { session, params in .object(try session.initialize(params)) },
        "ping": .immediate { _, _ in .object([:]) },
        "logging/setLevel": .immediate { session, params in .object(try session.setLogLevel(params)) },
    ]

    func initialize(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        guard case .string(let requested)? = params["protocolVersion"] else {
            throw .invalidParams("`protocolVersion` (a string such as \"2025-11-25\") is required")
        }
        let version = ProtocolVersion.negotiate(requested)
        let elicitation = elicitation(for: params["capabilities"]?.objectValue ?? [:])
        let sampling = sampling(for: params["capabilities"]?.objectValue ?? [:])
        let alreadyInitialized = state.withLock { state -> Bool in
            if state.protocolVersion != nil { return true }
            state.protocolVersion = version
            state.elicitation = elicitation
            state.sampling = sampling
            return false
        }
        if alreadyInitialized { throw .invalidRequest("the session is already initialized") }
        if version != requested {
            log(.notice, "client asked for protocol \(requested); answering with \(version)")
        }
        return [
            "protocolVersion": .string(version),
            "capabilities": .object(capabilities),
            "serverInfo": [
                "name": .string(ServerIdentity.name),
                "title": .string(ServerIdentity.title),
                "version": .string(ServerIdentity.version),
                "description": .string(ServerIdentity.description),
            ],
            "instructions": .string(ServerIdentity.instructions),
        ]
    }

    /// What this server implements, and nothing more.
    var capabilities: JSONObject {
        [
            "tools": ["listChanged": false],
            "resources": ["subscribe": true, "listChanged": false],
            "prompts": ["listChanged": false],
            "logging": [:],
            "completions": [:],
            "tasks": Self.tasksCapability,
        ]
    }

    func setLogLevel(_ params: JSONObject) throws(JSONRPCError) -> JSONObject {
        guard let name = params["level"]?.stringValue, let level = LogLevel(rawValue: name) else {
            throw .invalidParams("`level` must be one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        state.withLock { $0.clientLogLevel = level }
        return [:]
    }
}
