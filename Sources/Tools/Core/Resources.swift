import Store
public import JSON

/// A fixed resource (`resources/list`), read on demand.
public struct ResourceDefinition: Sendable {
    /// The URI, e.g. `tak://health`.
    public var uri: String
    /// The programmatic name.
    public var name: String
    /// The display name.
    public var title: String
    /// What it holds.
    public var description: String
    /// The MIME type of its text.
    public var mimeType: String
    /// Produces the text.
    public var read: @Sendable (ToolContext) async throws -> String

    /// Creates a definition.
    public init(uri: String, name: String, title: String, description: String, mimeType: String = "application/json",
                read: @escaping @Sendable (ToolContext) async throws -> String) {
        self.uri = uri
        self.name = name
        self.title = title
        self.description = description
        self.mimeType = mimeType
        self.read = read
    }

    /// The `Resource` object of `resources/list`.
    public var descriptor: JSONObject {
        ["uri": .string(uri), "name": .string(name), "title": .string(title),
         "description": .string(description), "mimeType": .string(mimeType)]
    }
}

/// A family of resources named by a URI template with one variable at the end, such as
/// `tak://tools/{name}` (RFC 6570 level 1).
public struct ResourceTemplateDefinition: Sendable {
    /// The template, e.g. `tak://agents/{agent_id}`.
    public var uriTemplate: String
    /// The programmatic name.
    public var name: String
    /// The display name.
    public var title: String
    /// What the resources hold.
    public var description: String
    /// The MIME type of their text.
    public var mimeType: String
    /// Produces the text for a variable value, or nil when there is no such resource.
    public var read: @Sendable (_ value: String, ToolContext) async throws -> String?
    /// Values of the variable that start with a prefix, for completion.
    public var complete: @Sendable (_ prefix: String, ToolContext) async throws -> [String]

    /// Creates a definition.
    public init(uriTemplate: String, name: String, title: String, description: String, mimeType: String = "application/json",
                read: @escaping @Sendable (_ value: String, ToolContext) async throws -> String?,
                complete: @escaping @Sendable (_ prefix: String, ToolContext) async throws -> [String]) {
        self.uriTemplate = uriTemplate
        self.name = name
        self.title = title
        self.description = description
        self.mimeType = mimeType
        self.read = read
        self.complete = complete
    }

    /// The literal part before the variable.
    public var prefix: Substring { uriTemplate.prefix { $0 != "{" } }

    /// The literal part after the variable (`/chart.svg` in `tak://cards/{card_id}/chart.svg`); usually empty.
    public var suffix: Substring {
        guard let close = uriTemplate.firstIndex(of: "}") else { return "" }
        return uriTemplate[uriTemplate.index(after: close)...]
    }

    /// The variable's name.
    public var variable: String {
        String(uriTemplate.drop { $0 != "{" }.dropFirst().prefix { $0 != "}" })
    }

    /// The variable's value when `uri` matches this template.
    public func match(_ uri: String) -> String? {
        guard uri.hasPrefix(prefix), uri.hasSuffix(suffix), uri.count >= prefix.count + suffix.count else { return nil }
        let value = uri.dropFirst(prefix.count).dropLast(suffix.count)
        guard !value.isEmpty, !value.contains("/") else { return nil }
        return String(value).removingPercentEncodingLossless
    }

    /// The `ResourceTemplate` object of `resources/templates/list`.
    public var descriptor: JSONObject {
        ["uriTemplate": .string(uriTemplate), "name": .string(name), "title": .string(title),
         "description": .string(description), "mimeType": .string(mimeType)]
    }
}

extension String {
    /// Decodes `%XX` escapes; leaves malformed ones as they are.
    var removingPercentEncodingLossless: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A prompt template (`prompts/list`, `prompts/get`).
public struct PromptDefinition: Sendable {
    /// One argument of a prompt.
    public struct Argument: Sendable {
        /// The name.
        public var name: String
        /// What to pass.
        public var description: String
        /// Whether it must be given.
        public var required: Bool
        /// Values that start with a prefix, for completion.
        public var complete: (@Sendable (_ prefix: String, ToolContext) async throws -> [String])?

        /// Creates an argument.
        public init(name: String, description: String, required: Bool,
                    complete: (@Sendable (_ prefix: String, ToolContext) async throws -> [String])? = nil) {
            self.name = name
            self.description = description
            self.required = required
            self.complete = complete
        }
    }

    /// The name.
    public var name: String
    /// The display name.
    public var title: String
    /// What the prompt helps with.
    public var description: String
    /// Its arguments.
    public var arguments: [Argument]
    /// Renders the messages (`[{role, content}]`) for the given argument values.
    public var render: @Sendable ([String: String], ToolContext) async throws -> [JSONValue]

    /// Creates a prompt.
    public init(name: String, title: String, description: String, arguments: [Argument],
                render: @escaping @Sendable ([String: String], ToolContext) async throws -> [JSONValue]) {
        self.name = name
        self.title = title
        self.description = description
        self.arguments = arguments
        self.render = render
    }

    /// The `Prompt` object of `prompts/list`.
    public var descriptor: JSONObject {
        ["name": .string(name), "title": .string(title), "description": .string(description),
         "arguments": .array(arguments.map {
             ["name": .string($0.name), "description": .string($0.description), "required": .bool($0.required)]
         })]
    }

    /// A user message with text content.
    public static func userMessage(_ text: String) -> JSONValue {
        ["role": "user", "content": ["type": "text", "text": .string(text)]]
    }
}
