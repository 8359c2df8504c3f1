import TakTestSupport
import Foundation
import Store
import TakMCP
import Testing
import Tools
import JSON

/// The catalog is the one source: names are valid, schemas are sound, and the README table and
/// manifests/tools.json match it.
@Suite struct CatalogTests {
    static let tools = ToolCatalog.standard.tools

    @Test func toolNamesAreValidAndUnique() {
        let pattern = /^[a-zA-Z0-9_-]{1,64}$/
        for tool in Self.tools { #expect(tool.name.wholeMatch(of: pattern) != nil, "\(tool.name)") }
        #expect(Set(Self.tools.map(\.name)).count == Self.tools.count)
    }

    @Test func schemasAreObjectsWithKnownRequiredFields() {
        for tool in Self.tools {
            #expect(tool.inputSchema.value["type"] == "object", "\(tool.name)")
            let properties = tool.inputSchema.properties
            for required in tool.inputSchema.requiredProperties { #expect(properties[required] != nil, "\(tool.name).\(required)") }
            if let output = tool.outputSchema {
                #expect(output.value["type"] == "object", "\(tool.name)")
                for required in output.requiredProperties { #expect(output.properties[required] != nil, "\(tool.name) output \(required)") }
            }
            #expect((tool.descriptor["description"]?.stringValue?.count ?? 0) >= 40, "\(tool.name) needs a description a model can use")
        }
    }

    @Test func manifestToolsJSONMatchesCatalog() throws {
        let committed = try Repository.text("manifests/tools.json")
        #expect(committed == ToolCatalog.standard.manifestJSON.prettyPrinted,
                "manifests/tools.json is stale: run `swift run tak-mcp tools > manifests/tools.json`")
    }

    @Test func readmeToolTableMatchesCatalog() throws {
        let readme = try Repository.text("README.md")
        let table = ToolCatalog.standard.markdownTable
        #expect(readme.contains("<!-- tools:begin -->\n\(table)<!-- tools:end -->"),
                "README's tool table is stale: paste `swift run tak-mcp tools --format markdown` between the tools markers")
    }

    @Test func hostManifestsLaunchTheServer() throws {
        for (path, key) in [("manifests/claude_desktop_config.json", "mcpServers"), ("manifests/claude-code/.mcp.json", "mcpServers"),
                            ("manifests/vscode/mcp.json", "servers")] {
            let json = try JSONValue.parse(Repository.text(path))
            let server = try #require(json[key]?["tak"], "\(path) needs \(key).tak")
            #expect(server["command"] == "tak-mcp", "\(path)")
            #expect(server["args"] == ["serve"], "\(path)")
            if key == "servers" || path.contains("claude-code") { #expect(server["type"] == "stdio", "\(path)") }
            let options = try CommandLineOptions.parse(server["args"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            #expect(options.command == .serve)
        }
    }

    @Test func registryServerJSONIsValid() throws {
        let json = try JSONValue.parse(Repository.text("manifests/server.json"))
        let name = try #require(json["name"]?.stringValue)
        #expect(name.split(separator: "/").count == 2)
        #expect((json["description"]?.stringValue?.count ?? 101) <= 100)
        #expect(json["version"] == .string(ServerIdentity.version))
        let package = try #require(json["packages"]?.arrayValue?.first)
        #expect(package["version"] == .string(ServerIdentity.version))
        #expect(package["transport"]?["type"] == "stdio")
        let variables = package["environmentVariables"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        let usage = CommandLineOptions.usage
        for variable in variables { #expect(usage.contains(variable), "\(variable) is not documented in --help") }
    }
}
