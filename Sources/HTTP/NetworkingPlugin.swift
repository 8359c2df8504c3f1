import Synchronization
import JSON

/// `libTakNetworking.so`, loaded with `dlopen`: URLSession behind a C ABI, kept out of the
/// `tak-mcp` binary so that FoundationNetworking is mapped only once an https request is made.
/// Loaded at most once per path and never unloaded.
final class NetworkingPlugin: @unchecked Sendable {
    /// `tak_http_perform`; see Sources/TakNetworking/Exports.swift.
    typealias Perform = @convention(c) (
        UnsafePointer<CChar>?, UnsafePointer<UInt8>?, Int, Int32,
        UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?,
        UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> Int32
    /// `tak_http_free`.
    typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void
    /// `tak_http_abi_version`.
    typealias Version = @convention(c) () -> Int32

    /// The file name looked for.
    static let libraryName = "libTakNetworking.so"
    /// The environment variable that names the library's full path.
    static let environmentVariable = "TAK_NETWORKING_LIB"
    /// The ABI version this loader speaks.
    static let abiVersion: Int32 = 1

    /// The path it was loaded from.
    let path: String
    /// Performs one request.
    let perform: Perform
    /// Frees what `perform` returned.
    let free: Free

    /// Wraps resolved symbols.
    private init(path: String, perform: @escaping Perform, free: @escaping Free) {
        self.path = path
        self.perform = perform
        self.free = free
    }

    /// Loaded plugins by requested path ("" for the default search).
    private static let loaded = Mutex<[String: NetworkingPlugin]>([:])

    /// The plugin at `path`, or found by the default search when nil; loads it on first use.
    static func load(path: String?) throws(HTTPTransportError) -> NetworkingPlugin {
        let result: Result<NetworkingPlugin, HTTPTransportError> = loaded.withLock { cache in
            if let plugin = cache[path ?? ""] { return .success(plugin) }
            let candidates = path.map { [$0] } ?? searchPaths(environment: getenv(environmentVariable).map { String(cString: $0) },
                                                              executable: executablePath())
            let outcome = open(firstExistingOf: candidates)
            if case .success(let plugin) = outcome { cache[path ?? ""] = plugin }
            return outcome
        }
        return try result.get()
    }

    /// Where to look, in order: `$TAK_NETWORKING_LIB`, the executable's folder, then `../lib/` from it.
    static func searchPaths(environment: String?, executable: String?) -> [String] {
        var paths: [String] = []
        if let environment, !environment.isEmpty { paths.append(environment) }
        if let executable, let slash = executable.lastIndex(of: "/") {
            let folder = executable[..<slash]
            paths.append("\(folder)/\(libraryName)")
            paths.append("\(folder)/../lib/\(libraryName)")
        }
        return paths
    }

    /// The running executable's path, from `/proc/self/exe`.
    static func executablePath() -> String? { RunningExecutable.path }

    /// Loads the first of `candidates` that exists; an existing file that fails to load is an error.
    private static func open(firstExistingOf candidates: [String]) -> Result<NetworkingPlugin, HTTPTransportError> {
        guard let path = candidates.first(where: { access($0, F_OK) == 0 }) else {
            let looked = candidates.isEmpty ? "nowhere: the executable's path is unknown" : candidates.joined(separator: ", ")
            return .failure(HTTPTransportError(.pluginUnavailable, """
                https needs \(libraryName), which was not found (looked in: \(looked)). Build it with \
                `swift build -c release --product TakNetworking` and install .build/release/\(libraryName) next to the \
                tak-mcp executable or in ../lib/ relative to it, or set \(environmentVariable) to its full path
                """))
        }
        func unusable(_ reason: String) -> Result<NetworkingPlugin, HTTPTransportError> {
            .failure(HTTPTransportError(.pluginUnavailable, """
                cannot use \(path): \(reason). Install the \(libraryName) built by the same Swift toolchain and \
                TakMCP version as tak-mcp (`swift build -c release --product TakNetworking`)
                """))
        }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            return unusable(dlerror().map { String(cString: $0) } ?? "dlopen failed")
        }
        guard let versionSymbol = dlsym(handle, "tak_http_abi_version"),
              let performSymbol = dlsym(handle, "tak_http_perform"),
              let freeSymbol = dlsym(handle, "tak_http_free") else {
            return unusable("it lacks the tak_http_* functions")
        }
        let version = unsafeBitCast(versionSymbol, to: Version.self)()
        guard version == abiVersion else { return unusable("its ABI version is \(version), this tak-mcp needs \(abiVersion)") }
        return .success(NetworkingPlugin(path: path, perform: unsafeBitCast(performSymbol, to: Perform.self),
                                         free: unsafeBitCast(freeSymbol, to: Free.self)))
    }
}
