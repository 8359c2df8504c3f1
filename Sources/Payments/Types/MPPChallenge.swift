public import JSON

/// One `WWW-Authenticate: Payment …` challenge: its auth-params exactly as received (the
/// credential echoes them byte for byte) and the decoded `request`.
public struct MPPChallenge: Sendable, Equatable {
    /// One auth-param.
    public struct Parameter: Sendable, Equatable {
        /// The name, lower-cased (auth-param names are case-insensitive).
        public var name: String
        /// The value, unquoted and unescaped.
        public var value: String

        /// A parameter.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Every parameter, in the order received.
    public var parameters: [Parameter]

    /// A challenge with these parameters.
    public init(parameters: [Parameter]) { self.parameters = parameters }

    /// The value of parameter `name` (lower case), or nil.
    public subscript(name: String) -> String? { parameters.first { $0.name == name }?.value }

    /// `id`: the server binds it to the other parameters.
    public var id: String? { self["id"] }
    /// `realm`: a protection space, not proof of origin.
    public var realm: String? { self["realm"] }
    /// `method`, lower case (`evm`, `tempo`, `sandbox`…).
    public var method: String? { self["method"]?.lowercased() }
    /// `intent` (`charge`, `session`…).
    public var intent: String? { self["intent"] }
    /// `request`: base64url of JSON, echoed verbatim.
    public var request: String? { self["request"] }
    /// `expires`: RFC 3339.
    public var expires: String? { self["expires"] }
    /// The header the credential goes in (`header="Payment-Authorization"`), default `Authorization`.
    public var credentialHeader: String { self["header"] ?? PaymentHeaders.authorization }

    /// The `request` object, decoded; nil if it is not base64url JSON of an object.
    public var decodedRequest: JSONObject? {
        guard let request, request.utf8.count <= MPPChallengeParser.maxValueBytes, let bytes = Base64.decode(request) else { return nil }
        return (try? JSONValue.parse(bytes))?.objectValue
    }

    /// The names the credential's `challenge` object echoes, in order (every other parameter is ignored).
    static let echoed = ["id", "realm", "method", "intent", "request", "expires", "digest", "opaque", "description"]

    /// The `challenge` object of the credential: the echoed parameters, verbatim strings.
    public var echo: JSONObject {
        var object = JSONObject()
        for name in Self.echoed { if let value = self[name] { object[name] = .string(value) } }
        return object
    }
}
