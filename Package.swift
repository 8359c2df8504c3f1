// swift-tools-version:6.0
// TakMCP: an MCP server over stdio for agent marketplaces, knowledge search, research runs and wallets.
// No package dependencies: Foundation (FoundationEssentials where possible), the C library and Dispatch only.
//
// The targets, lowest first; each line says what the target is and what it may not know about.
// Every arrow points down this list, so the build has no cycle:
//   JSON ← Store, Crypto, HTTP, Knowledge;  Store ← Tasks;  Knowledge ← Runs;  Crypto, HTTP ← Payments;  all of these ← Tools ← TakMCP ← TakMCPMain
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "TakMCP",
    // Synchronization.Mutex needs macOS 15; Linux has no availability floor.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tak-mcp", targets: ["TakMCPMain"]),
        .executable(name: "tak-bench", targets: ["TakBench"]),
        // Loaded by tak-mcp on its first https request, so FoundationNetworking stays off start-up.
        .library(name: "TakNetworking", type: .dynamic, targets: ["TakNetworking"]),
    ],
    targets: [
        // The JSON data model: JSONValue, the parser and the serializer. Depends on nothing.
        .target(name: "JSON", path: "Sources/JSON", swiftSettings: strict),
        // Persistence: journal, snapshots, transactions, locks shared by processes. Knows nothing of MCP or tools.
        .target(name: "Store", dependencies: ["JSON"], path: "Sources/Store", swiftSettings: strict),
        // Hashes, KDFs, AES, secp256k1, Ethereum keys, EIP-712 and keystores. Knows no tool, store or transport.
        .target(name: "Crypto", dependencies: ["JSON"], path: "Sources/Crypto", swiftSettings: strict),
        // HTTP/1.1 over sockets, the https plugin loader, JSON-RPC over HTTP. Knows no tool or store.
        .target(name: "HTTP", dependencies: ["JSON"], path: "Sources/HTTP", swiftSettings: strict),
        // The embedded knowledge base: real data sets, series, cards, the search index, charts and PNG. Pure; knows no store or tool.
        .target(name: "Knowledge", dependencies: ["JSON"], path: "Sources/Knowledge", exclude: ["Data/SOURCES.md"], swiftSettings: strict),
        // Durable asynchronous tasks (events, results, cancellation, restart recovery) on a worker pool, for every domain. Knows no tool or MCP.
        .target(name: "Tasks", dependencies: ["JSON", "Store"], path: "Sources/Tasks", swiftSettings: strict),
        // Research runs on the knowledge base: the query planner, follow-ups, extractive answers with citations,
        // the check of sampled prose, reports. Pure: knows no store, tool, transport or clock.
        .target(name: "Runs", dependencies: ["JSON", "Knowledge"], path: "Sources/Runs", swiftSettings: strict),
        // The HTTP 402 payment negotiator (x402 v1/v2, MPP) and the paywall, as pure logic over HTTPTransport. Knows no store or tool.
        .target(name: "Payments", dependencies: ["JSON", "Crypto", "HTTP"], path: "Sources/Payments", swiftSettings: strict),
        // The tool kit (Core) and the domains (wallet, marketplace, payments, knowledge, runs) as MCP tools; no JSON-RPC, no stdio.
        .target(name: "Tools", dependencies: ["JSON", "Store", "Crypto", "HTTP", "Payments", "Knowledge", "Tasks", "Runs"], path: "Sources/Tools", swiftSettings: strict),
        // The protocol layer: JSON-RPC codec, MCP session, stdio transport, command line.
        .target(name: "TakMCP", dependencies: ["JSON", "Store", "HTTP", "Crypto", "Payments", "Tasks", "Tools"], path: "Sources/TakMCP", swiftSettings: strict),
        // The `tak-mcp` executable: only `main`.
        .executableTarget(name: "TakMCPMain", dependencies: ["TakMCP"], path: "Sources/TakMCPMain", swiftSettings: strict),
        // The https plugin: URLSession behind a C ABI (see Sources/HTTP/PluginHTTPTransport.swift). Linux only.
        .target(name: "TakNetworking", path: "Sources/TakNetworking", swiftSettings: strict),

        // Test support without the server: a seeded generator, the repository's paths and an
        // HTTP server on 127.0.0.1 that answers as each test tells it.
        .target(name: "TakTestSupport", dependencies: ["JSON", "Store", "HTTP"], path: "Tests/Support", swiftSettings: strict),
        // The session harness shared by the protocol tests and tak-bench: a collecting sink, a
        // session fed with JSON text, and tools that exist only for tests.
        .target(name: "TakTestKit", dependencies: ["TakMCP", "Tools", "Store", "JSON", "TakTestSupport"],
                path: "Tests/TestKit", swiftSettings: strict),
        // `swift run -c release tak-bench`: in-process speed and memory figures.
        .executableTarget(name: "TakBench", dependencies: ["TakMCP", "Tools", "Store", "JSON", "Crypto", "HTTP", "Payments", "Knowledge", "TakTestSupport", "TakTestKit"],
                          path: "Benchmarks/TakBench", swiftSettings: strict),

        .testTarget(name: "JSONTests", dependencies: ["JSON"], path: "Tests/JSONTests"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "JSON", "TakTestSupport"], path: "Tests/StoreTests"),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto", "JSON", "TakTestSupport"], path: "Tests/CryptoTests",
                    exclude: ["Vectors"]),
        .testTarget(name: "KnowledgeTests", dependencies: ["Knowledge", "JSON"], path: "Tests/KnowledgeTests"),
        .testTarget(name: "TasksTests", dependencies: ["Tasks", "Store", "JSON", "TakTestSupport"], path: "Tests/TasksTests"),
        .testTarget(name: "RunsTests", dependencies: ["Runs", "Knowledge", "JSON"], path: "Tests/RunsTests"),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "JSON", "Store", "TakTestSupport"], path: "Tests/HTTPTests"),
        .testTarget(name: "PaymentsTests", dependencies: ["Payments", "JSON", "Crypto", "HTTP", "Store", "TakTestSupport"],
                    path: "Tests/PaymentsTests"),
        .testTarget(name: "ToolsTests", dependencies: ["Tools", "Store", "JSON", "Crypto", "HTTP", "Runs", "Knowledge", "Tasks", "TakTestSupport"],
                    path: "Tests/ToolsTests"),
        .testTarget(name: "TakMCPTests", dependencies: ["TakMCP", "TakMCPMain", "Tools", "Store", "JSON", "HTTP", "Tasks", "Knowledge", "TakTestSupport", "TakTestKit"],
                    path: "Tests/TakMCPTests", exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
