import Foundation

/// Paths in the repository and the built products, found from this file's location.
public enum Repository {
    /// The repository root.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/Support/Repository.swift
        return url.path
    }()

    /// The `tak-mcp` binary next to the test bundle.
    public static let binary: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while !url.path.isEmpty, url.path != "/" {
            let candidate = url.appendingPathComponent("tak-mcp").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        return root + "/.build/debug/tak-mcp"
    }()

    /// Reads a repository file as text.
    public static func text(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }
}
