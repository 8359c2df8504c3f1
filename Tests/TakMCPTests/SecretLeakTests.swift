import Foundation
import Store
import Testing
import JSON

/// No private key, passphrase or master secret ever appears on stdout, stderr, in a tool result,
/// a resource, or the store: the real binary runs a wallet session that uses every key path, and
/// everything it wrote is scanned for the secrets it was given or made.
@Suite(.serialized) struct SecretLeakTests {
    static let key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    static let passphrase = "correct-horse-battery-staple-4711"

    /// Every spelling of a secret worth looking for.
    static func spellings(_ secret: String) -> [String] {
        let bare = secret.hasPrefix("0x") ? String(secret.dropFirst(2)) : secret
        return [bare, bare.lowercased(), bare.uppercased(), String(bare.prefix(32)), String(bare.suffix(32))]
    }

    /// Runs a wallet session against the real binary and returns everything it printed.
    static func session(home: String, environment: [String: String], calls: [JSONValue]) throws -> String {
        let server = try ServerProcess(arguments: ["--home", home, "--log-level", "debug"], environment: environment)
        _ = try server.initialize()
        server.send(#"{"jsonrpc":"2.0","id":"log","method":"logging/setLevel","params":{"level":"debug"}}"#)
        var transcript = ""
        for (index, call) in calls.enumerated() {
            server.send(["jsonrpc": "2.0", "id": .integer(Int64(index + 1)), "method": call["method"] ?? "tools/call", "params": call["params"] ?? call])
            // One call at a time: the first keystore write with the full-strength KDF takes seconds.
            while let message = try server.receive() {
                transcript += message.jsonText + "\n"
                if message["id"] == .integer(Int64(index + 1)) { break }
            }
        }
        server.closeInput()
        while let message = try server.receive() { transcript += message.jsonText + "\n" }
        #expect(server.waitForExit() == 0)
        return transcript + server.stderrText
    }

    static func toolCall(_ name: String, _ arguments: JSONValue) -> JSONValue {
        ["method": "tools/call", "params": ["name": .string(name), "arguments": arguments]]
    }

    static let calls: [JSONValue] = [
        toolCall("wallet_register", ["agent_id": "ag_env", "company_id": "co", "private_key_env": "AGENT_KEY"]),
        toolCall("wallet_create", ["agent_id": "ag_new", "company_id": "co"]),
        toolCall("wallet_fund", ["agent_id": "ag_env", "amount": "5"]),
        toolCall("wallet_balance", ["agent_id": "ag_env"]),
        toolCall("wallet_get", ["agent_id": "ag_env"]),
        toolCall("wallet_list", [:]),
        toolCall("wallet_register", ["agent_id": "ag_lit", "company_id": "co", "private_key": .string(key)]),
        toolCall("wallet_register", ["agent_id": "ag_lit", "company_id": "co", "private_key_env": .string(key)]),
        toolCall("wallet_register", ["agent_id": "ag_env", "company_id": "co", "private_key_env": "AGENT_KEY"]),
        ["method": "resources/read", "params": ["uri": "tak://wallets/ag_env"]],
        ["method": "resources/read", "params": ["uri": "tak://wallets/ag_new"]],
    ]

    /// Everything in the home except the keystores themselves, which hold the keys encrypted.
    static func storeText(_ home: String) throws -> String {
        var text = ""
        for name in (try? FileManager.default.contentsOfDirectory(atPath: home + "/store")) ?? [] {
            text += (try? String(contentsOfFile: home + "/store/" + name, encoding: .utf8)) ?? ""
        }
        return text
    }

    @Test func passphraseModeLeaksNothing() throws {
        let home = NSTemporaryDirectory() + "tak-leak-\(UUID().uuidString)"
        let output = try Self.session(home: home, environment: ["AGENT_KEY": Self.key, "TAK_WALLET_PASSPHRASE": Self.passphrase], calls: Self.calls)
        #expect(output.contains("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"), "the session did import the key")
        let everything = output + (try Self.storeText(home))
        for secret in Self.spellings(Self.key) + [Self.passphrase] {
            #expect(!everything.contains(secret), "a secret leaked: \(secret.prefix(6))…")
        }
        #expect(!FileManager.default.fileExists(atPath: home + "/keys/master.secret"))
    }

    @Test func masterSecretModeLeaksNothing() throws {
        let home = NSTemporaryDirectory() + "tak-leak-\(UUID().uuidString)"
        let output = try Self.session(home: home, environment: ["AGENT_KEY": Self.key], calls: Self.calls)
        let master = try String(contentsOfFile: home + "/keys/master.secret", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(master.count == 64)
        let everything = output + (try Self.storeText(home))
        for secret in Self.spellings(Self.key) + Self.spellings(master) {
            #expect(!everything.contains(secret), "a secret leaked: \(secret.prefix(6))…")
        }
    }

    @Test func walletImportFromStandardInputLeaksNothing() throws {
        let home = NSTemporaryDirectory() + "tak-leak-\(UUID().uuidString)"
        let importer = try ServerProcess(arguments: ["wallet", "import", "--agent", "ag_cli", "--company", "co", "--home", home])
        importer.send(Self.key)
        importer.closeInput()
        #expect(importer.waitForExit() == 0)
        let printed = String(decoding: importer.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) + importer.stderrText
        #expect(printed.contains("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"))
        for secret in Self.spellings(Self.key) { #expect(!printed.contains(secret)) }
        let bad = try ServerProcess(arguments: ["wallet", "import", "--agent", "ag_bad", "--company", "co", "--home", home])
        bad.send("0x1234not-a-key")
        bad.closeInput()
        #expect(bad.waitForExit() == 65)
        #expect(!bad.stderrText.contains("1234not-a-key"))
    }
}
