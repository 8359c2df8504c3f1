import Store
import Tools

/// Builds the services a server runs with from its configuration.
enum ServerEnvironment {
    static func make(configuration: ServerConfiguration, diagnostics: any DiagnosticSink) throws -> ToolEnvironment {
        try HomeFolder.prepare(configuration.home)
        let options = StoreOptions(log: { message in diagnostics.writeLine("tak-mcp [warning] store: \(message)") })
        let store = try Store(home: HomeFolder.storeFolder(configuration.home), options: options)
        let overrides = configuration.variableOverrides
        return ToolEnvironment(home: configuration.home, store: store,
                               variable: { overrides[$0] ?? ToolEnvironment.processVariable($0) },
                               serverVersion: ServerIdentity.version)
    }
}

/// The home folder: where it is and making sure it exists.
public enum HomeFolder {
    /// `--home`, else `TAK_HOME`, else `~/.tak-mcp`.
    public static func resolve(_ explicit: String?) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let value = getenv("TAK_HOME"), let text = String(validatingCString: value), !text.isEmpty { return text }
        let home = getenv("HOME").flatMap { String(validatingCString: $0) } ?? "."
        return home + "/.tak-mcp"
    }

    /// Where the store's files live inside the home folder.
    public static func storeFolder(_ home: String) -> String { home + "/store" }

    /// Creates the folder (mode 0700) and its parents if missing.
    public static func prepare(_ path: String) throws {
        do {
            try AtomicFile.makeFolder(path)
        } catch {
            throw UsageError("cannot use the home folder \(error); pass --home with a writable folder path")
        }
    }
}
