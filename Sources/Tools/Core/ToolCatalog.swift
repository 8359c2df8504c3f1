import Store
public import JSON

/// The one list of everything the server exposes: tools, resources, resource templates and
/// prompts. `tools/list`, the README's tool table and `manifests/tools.json` come from here.
public struct ToolCatalog: Sendable {
    /// The tools, in listing order.
    public let tools: [AnyTool]
    /// Fixed resources.
    public let resources: [ResourceDefinition]
    /// Resource templates.
    public let resourceTemplates: [ResourceTemplateDefinition]
    /// Prompts.
    public let prompts: [PromptDefinition]
    private let toolsByName: [String: AnyTool]

    /// A catalog of these entries.
    public init(tools: [AnyTool], resources: [ResourceDefinition], resourceTemplates: [ResourceTemplateDefinition], prompts: [PromptDefinition]) {
        self.tools = tools
        self.resources = resources
        self.resourceTemplates = resourceTemplates
        self.prompts = prompts
        toolsByName = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Everything TakMCP has.
    public static let standard = ToolCatalog(
        tools: StandardCatalog.tools,
        resources: StandardCatalog.resources,
        resourceTemplates: StandardCatalog.resourceTemplates,
        prompts: StandardCatalog.prompts)

    /// The tool named `name`, if exposed.
    public func tool(named name: String) -> AnyTool? { toolsByName[name] }

    /// The catalog a session exposes: tools of the chosen toolsets (core always), only read-only
    /// ones when `readOnly`.
    public func selecting(toolsets: Set<Toolset>, readOnly: Bool) -> ToolCatalog {
        let chosen = tools.filter { tool in
            (tool.toolset == .core || toolsets.contains(tool.toolset)) && (!readOnly || tool.annotations.readOnly)
        }
        return ToolCatalog(tools: chosen, resources: resources, resourceTemplates: resourceTemplates, prompts: prompts)
    }

    /// `manifests/tools.json`: every tool's descriptor with its toolset.
    public var manifestJSON: JSONValue {
        .object([
            "name": "tak-mcp",
            "tools": .array(tools.map { tool in
                var descriptor = tool.descriptor
                descriptor["toolset"] = .string(tool.toolset.rawValue)
                return .object(descriptor)
            }),
        ])
    }

    /// The README's tool table in Markdown.
    public var markdownTable: String {
        var lines = ["| tool | toolset | read-only | what it does |", "|---|---|---|---|"]
        for tool in tools {
            let description = tool.descriptor["description"]?.stringValue ?? ""
            let firstSentence = description.split(separator: ".", maxSplits: 1).first.map { $0 + "." } ?? ""
            lines.append("| `\(tool.name)` | \(tool.toolset.rawValue) | \(tool.annotations.readOnly ? "yes" : "no") | \(firstSentence.replacingPipes) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension StringProtocol {
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
