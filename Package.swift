// swift-tools-version:6.0
// TakMCP: an MCP server over stdio for agent marketplaces, knowledge search, research runs and wallets.
// No package dependencies: Foundation (FoundationEssentials where possible), Glibc and Dispatch only.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "TakMCP",
    products: [
        .executable(name: "tak-mcp", targets: ["TakMCPMain"]),
        .executable(name: "tak-bench", targets: ["TakBench"]),
        // Loaded by tak-mcp on its first https request, so FoundationNetworking stays off start-up.
        .library(name: "TakNetworking", type: .dynamic, targets: ["TakNetworking"]),
    ],
    targets: [
        // Persistence and the JSON data model; knows nothing of MCP.
        .target(name: "Store", path: "Sources/Store", swiftSettings: strict),
        // Tool catalog and domain logic; no JSON-RPC, no stdio.
        .target(name: "Tools", dependencies: ["Store"], path: "Sources/Tools", swiftSettings: strict),
        // The protocol layer: JSON-RPC codec, MCP session, stdio transport, command line.
        .target(name: "TakMCP", dependencies: ["Tools", "Store"], path: "Sources/TakMCP",
                exclude: ["Main", "Plugins"], swiftSettings: strict),
        // The `tak-mcp` executable: only `main`.
        .executableTarget(name: "TakMCPMain", dependencies: ["TakMCP"], path: "Sources/TakMCP/Main",
                          swiftSettings: strict),
        // The https plugin: URLSession behind a C ABI (see Sources/Tools/HTTP/PluginHTTPTransport.swift).
        .target(name: "TakNetworking", path: "Sources/TakMCP/Plugins/Networking", swiftSettings: strict),
        // A seeded generator shared by the tests and the benchmark's fixed inputs.
        .target(name: "TakTestSupport", path: "Tests/Support", swiftSettings: strict),
        // `swift run -c release tak-bench`: in-process speed and memory figures.
        .executableTarget(name: "TakBench", dependencies: ["TakMCP", "Tools", "Store", "TakTestSupport"],
                          path: "Benchmarks/TakBench", swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TakTestSupport"], path: "Tests/StoreTests"),
        .testTarget(name: "ToolsTests", dependencies: ["Tools", "Store", "TakTestSupport"], path: "Tests/ToolsTests",
                    exclude: ["Crypto/Vectors"]),
        .testTarget(name: "TakMCPTests", dependencies: ["TakMCP", "TakMCPMain", "Tools", "Store"],
                    path: "Tests/TakMCPTests", exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
