import Store
import JSON

/// `health`: the TAK 0.1 health endpoint, plus where the store is and how much it holds.
struct HealthTool: SynchronousTool {
    typealias Arguments = NoArguments

    static let name = "health"
    static let title = "Server health"
    static let description = """
        Check that TakMCP is operational. Returns the TAK API version (tak/0.1), the server time, \
        and the local store's location and record counts. Safe to call at any time.
        """
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.core
    static let outputSchema: JSONSchema? = .object(
        properties: [
            "status": .string("`operational` when the store is readable.", enum: ["operational", "degraded"]),
            "version": .string("The TAK API version.", enum: ["tak/0.1"]),
            "timestamp": .string("Server time, RFC 3339 UTC.", format: "date-time"),
            "server_version": .string("The tak-mcp release."),
            "store": .object(
                "The local store.",
                properties: [
                    "home": .string("The home folder."),
                    "records": .object("Record counts by collection.", additionalProperties: true),
                    "total_records": .integer("All records.", in: 0...Int64.max),
                ],
                required: ["home", "records", "total_records"]),
        ],
        required: ["status", "version", "timestamp", "server_version", "store"])

    func run(_ arguments: NoArguments, context: ToolContext) throws -> ToolOutput {
        let counts = try context.environment.store.recordCounts()
        let total = counts.reduce(0) { $0 + $1.value }
        let records = JSONObject(counts.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.integer(Int64($0.value))) })
        return .structured([
            "status": "operational",
            "version": "tak/0.1",
            "timestamp": .string(RFC3339.format(secondsSince1970: Int64(context.now.timeIntervalSince1970.rounded(.down)))),
            "server_version": .string(context.environment.serverVersion),
            "store": ["home": .string(context.environment.home), "records": .object(records), "total_records": .integer(Int64(total))],
        ])
    }
}
