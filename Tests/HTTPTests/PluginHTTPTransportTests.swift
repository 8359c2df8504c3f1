import TakTestSupport
import Glibc
import Testing
@testable import HTTP

/// Where the plugin built by this package is: next to the test bundle (tests run from the debug build folder).
enum BuiltPlugin {
    /// The path of `libTakNetworking.so` in the build folder, or nil when it has not been built.
    static let path: String? = {
        guard let executable = NetworkingPlugin.executablePath() else { return nil }
        return NetworkingPlugin.searchPaths(environment: nil, executable: executable)
            .first { access($0, F_OK) == 0 }
    }()
}

/// The URLSession plugin, loaded with dlopen and driven over plain http against a local server.
@Suite struct PluginHTTPTransportTests {
    /// The built plugin, loaded with dlopen, performs a POST over plain http against the local server.
    @Test(.enabled(if: BuiltPlugin.path != nil, "libTakNetworking.so is not in the build folder: run `swift build` (it builds the TakNetworking product) before `swift test`"))
    func performsRequestsThroughTheLoadedPlugin() async throws {
        let transport = PluginHTTPTransport(libraryPath: BuiltPlugin.path)
        try await withServer({ request, connection in
            let body = request?.body ?? []
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Seen: \(request?.headers["X-Token"] ?? "")\r\n"
                + "Content-Length: \(body.count + 5)\r\n\r\necho:")
            connection.write(body)
        }) { server in
            let reply = try await transport.send(HTTPRequest(method: "POST", url: server.url + "/p?q=1", headers: ["X-Token": "abc"],
                                                            body: Array("plugin".utf8), timeout: .seconds(60)))
            #expect(reply.status == 200)
            #expect(reply.text == "echo:plugin")
            #expect(reply.header("x-seen") == "abc")
            #expect(reply.header("content-type") == "text/plain")
            let received = try #require(server.received.withLock { $0.first })
            #expect(received.method == "POST" && received.target == "/p?q=1")
        }
    }

    /// Through the plugin, redirects are returned, the body limit and the timeout are enforced.
    @Test(.enabled(if: BuiltPlugin.path != nil, "libTakNetworking.so is not in the build folder: run `swift build` first"))
    func thePluginReturnsRedirectsAndEnforcesLimits() async throws {
        let transport = PluginHTTPTransport(limits: HTTPTransportLimits(maxResponseBodyBytes: 1024), libraryPath: BuiltPlugin.path)
        try await withServer(raw: "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n") { server in
            let reply = try await transport.send(HTTPRequest(url: server.url, timeout: .seconds(60)))
            #expect(reply.status == 302 && reply.header("Location") == "/elsewhere")
        }
        try await withServer(raw: "HTTP/1.1 200 OK\r\nContent-Length: 4096\r\n\r\n" + String(repeating: "x", count: 4096)) { server in
            let error = await #expect(throws: HTTPTransportError.self) { try await transport.send(HTTPRequest(url: server.url, timeout: .seconds(60))) }
            #expect(error?.code == .bodyTooLarge)
        }
        try await withServer({ _, connection in connection.waitForClientClose() }) { server in
            let time = await elapsed {
                let error = await #expect(throws: HTTPTransportError.self) { try await transport.send(HTTPRequest(url: server.url, timeout: .milliseconds(300))) }
                #expect(error?.code == .timeout)
            }
            // The code proves the plugin's timer fired (the server holds the connection 10 s);
            // an upper wall-clock bound would measure the loaded test pool.
            #expect(time >= .milliseconds(250))
        }
    }

    /// A missing plugin fails with `.pluginUnavailable` saying what to build and where to put it.
    @Test func aMissingLibrarySaysWhatToInstall() async {
        let transport = PluginHTTPTransport(libraryPath: "/nonexistent/libTakNetworking.so")
        let error = await #expect(throws: HTTPTransportError.self) { try await transport.send(HTTPRequest(url: "https://example.com/")) }
        #expect(error?.code == .pluginUnavailable)
        #expect(error?.message.contains("/nonexistent/libTakNetworking.so") == true)
        #expect(error?.message.contains("swift build -c release --product TakNetworking") == true)
        #expect(error?.message.contains("TAK_NETWORKING_LIB") == true)
    }

    /// The plugin is looked for at $TAK_NETWORKING_LIB, next to the executable, then in ../lib/.
    @Test func theSearchOrderIsEnvironmentExecutableFolderThenLib() {
        #expect(NetworkingPlugin.searchPaths(environment: "/opt/x.so", executable: "/usr/local/bin/tak-mcp")
            == ["/opt/x.so", "/usr/local/bin/libTakNetworking.so", "/usr/local/bin/../lib/libTakNetworking.so"])
        #expect(NetworkingPlugin.searchPaths(environment: "", executable: "/b/tak-mcp") == ["/b/libTakNetworking.so", "/b/../lib/libTakNetworking.so"])
    }
}
