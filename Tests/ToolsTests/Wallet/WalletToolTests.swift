import Foundation
import Store
import Testing
@testable import Tools
import JSON
import Crypto

/// The wallet tools end to end in process: create, get, list, fund, balance, import, refusals.
@Suite struct WalletToolTests {
    static let importedKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    static let importedAddress = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"

    @Test func createGetListFundBalance() async throws {
        let environment = try makeWalletEnvironment()
        let created = try await callTool("wallet_create", ["agent_id": "ag_buyer", "company_id": "co_1"], in: environment)
        #expect(!created.isError, "\(created.text)")
        let address = try #require(created.structured["address"]?.stringValue)
        #expect(try EthereumAddress(address).checksummed == address)
        #expect(created.structured["network"] == "sandbox")

        let again = try await callTool("wallet_create", ["agent_id": "ag_buyer", "company_id": "co_1"], in: environment)
        #expect(again.isError)
        #expect(again.text.contains(address), "a second create names the existing address")

        let got = try await callTool("wallet_get", ["agent_id": "ag_buyer"], in: environment)
        #expect(got.structured["address"] == .string(address))
        let missing = try await callTool("wallet_get", ["agent_id": "ag_nobody"], in: environment)
        #expect(missing.isError && missing.structured["error"] == "not_found")
        #expect(missing.text.contains("wallet_create"))

        let funded = try await callTool("wallet_fund", ["agent_id": "ag_buyer", "amount": "10.5"], in: environment)
        #expect(funded.structured["balance"] == "10.50")
        #expect(funded.structured["balance_atomic"] == "10500000")
        let more = try await callTool("wallet_fund", ["agent_id": "ag_buyer", "amount_atomic": "1"], in: environment)
        #expect(more.structured["balance"] == "10.500001")
        let both = try await callTool("wallet_fund", ["agent_id": "ag_buyer", "amount": "1", "amount_atomic": "1"], in: environment)
        #expect(both.isError)
        let overCap = try await callTool("wallet_fund", ["agent_id": "ag_buyer", "amount": "100000"], in: environment)
        #expect(overCap.isError && overCap.structured["error"] == "funding_cap_exceeded")

        let balance = try await callTool("wallet_balance", ["agent_id": "ag_buyer"], in: environment)
        #expect(balance.structured == ["agent_id": "ag_buyer", "address": .string(address), "network": "sandbox", "asset": "USDC",
                                       "balance": "10.500001", "balance_atomic": "10500001"])

        for index in 0..<5 {
            _ = try await callTool("wallet_create", ["agent_id": .string("ag_\(index)"), "company_id": index % 2 == 0 ? "co_even" : "co_odd"], in: environment)
        }
        let page1 = try await callTool("wallet_list", ["limit": 2], in: environment)
        #expect(page1.structured["wallets"]?.arrayValue?.compactMap { $0["agent_id"]?.stringValue } == ["ag_buyer", "ag_0"])
        let cursor = try #require(page1.structured["next_cursor"])
        let page2 = try await callTool("wallet_list", ["limit": 2, "cursor": cursor], in: environment)
        #expect(page2.structured["wallets"]?.arrayValue?.compactMap { $0["agent_id"]?.stringValue } == ["ag_1", "ag_2"])
        let even = try await callTool("wallet_list", ["company_id": "co_even"], in: environment)
        #expect(even.structured["wallets"]?.arrayValue?.compactMap { $0["agent_id"]?.stringValue } == ["ag_0", "ag_2", "ag_4"])
        #expect(even.structured["next_cursor"] == nil)
        let badCursor = try await callTool("wallet_list", ["cursor": "zzz"], in: environment)
        #expect(badCursor.isError)
        #expect(badCursor.text.contains("unknown cursor zzz; pass the next_cursor of the previous page"))

        // tak://wallets/{agent_id} completes agent ids by prefix, in creation order.
        let context = ToolContext(environment: environment)
        #expect(try await WalletResources.template.complete("ag_", context) == ["ag_buyer", "ag_0", "ag_1", "ag_2", "ag_3", "ag_4"])
        #expect(try await WalletResources.template.complete("ag_b", context) == ["ag_buyer"])
        #expect(try await WalletResources.template.complete("co", context).isEmpty)
    }

    @Test func keystoresAreEncryptedFilesOnly() async throws {
        let environment = try makeWalletEnvironment()
        let created = try await callTool("wallet_create", ["agent_id": "ag_a", "company_id": "co"], in: environment)
        let address = try EthereumAddress(created.structured["address"]!.stringValue!)
        let vault = try environment.keyVault()
        let file = vault.path(for: address)
        var info = stat()
        #expect(stat(file, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(stat(environment.home + "/keys/master.secret", &info) == 0 && info.st_mode & 0o777 == 0o600)
        let keystore = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(keystore["version"] == 3)
        #expect(keystore["crypto"]?["cipher"] == "aes-128-ctr")
        // A second process (a fresh vault on the same home) decrypts it with the same master secret.
        let reopened = try KeyVault(home: environment.home, passphrase: nil, kdf: .scrypt(n: 16, r: 1, p: 1))
        #expect(try reopened.key(for: address).address == address)
        // The wrong passphrase is refused with a message that names the cause, not the secret.
        let wrong = try KeyVault(home: environment.home, passphrase: "not-the-passphrase")
        #expect(throws: WalletError.self) { try wrong.key(for: address) }
    }

    @Test func registerFromEnvironmentVariable() async throws {
        let environment = try makeWalletEnvironment(variables: ["AGENT_KEY": Self.importedKey])
        let result = try await callTool("wallet_register", ["agent_id": "ag_i", "company_id": "co", "private_key_env": "AGENT_KEY"], in: environment)
        #expect(!result.isError, "\(result.text)")
        #expect(result.structured["address"] == .string(Self.importedAddress))
        #expect(result.structured["source"] == "imported")
        let unset = try await callTool("wallet_register", ["agent_id": "ag_j", "company_id": "co", "private_key_env": "NOPE"], in: environment)
        #expect(unset.isError && unset.text.contains("NOPE"))
        let duplicate = try await callTool("wallet_register", ["agent_id": "ag_k", "company_id": "co", "private_key_env": "AGENT_KEY"], in: environment)
        #expect(duplicate.isError && duplicate.text.contains("ag_i"), "one address, one agent")
    }

    @Test func registerFromKeystoreFile() async throws {
        let source = try makeWalletEnvironment()
        let created = try await callTool("wallet_create", ["agent_id": "ag_src", "company_id": "co"], in: source)
        let address = try EthereumAddress(created.structured["address"]!.stringValue!)
        let key = try source.keyVault().key(for: address)
        let keystore = try Web3Keystore.encrypt(privateKey: key.bytes, passphrase: "correct horse", address: address.lowercased,
                                                kdf: .pbkdf2(iterations: 2), random: .deterministic(seed: 3))
        let path = source.home + "/export.json"
        try Data(keystore.jsonText.utf8).write(to: URL(fileURLWithPath: path))

        let target = try makeWalletEnvironment(variables: ["KS_PASS": "correct horse", "BAD_PASS": "wrong"])
        let imported = try await callTool("wallet_register", ["agent_id": "ag_dst", "company_id": "co", "keystore_path": .string(path),
                                                              "passphrase_env": "KS_PASS"], in: target)
        #expect(imported.structured["address"] == .string(address.checksummed), "\(imported.text)")
        let wrong = try await callTool("wallet_register", ["agent_id": "ag_x", "company_id": "co", "keystore_path": .string(path),
                                                           "passphrase_env": "BAD_PASS"], in: target)
        #expect(wrong.isError && wrong.text.contains("MAC mismatch"))
        let nowhere = try await callTool("wallet_register", ["agent_id": "ag_y", "company_id": "co", "keystore_path": "/nonexistent.json",
                                                             "passphrase_env": "KS_PASS"], in: target)
        #expect(nowhere.isError && nowhere.text.contains("/nonexistent.json"))
    }

    @Test(arguments: [
        ["agent_id": "a", "company_id": "c", "private_key": .string(importedKey)],
        ["agent_id": "a", "company_id": "c", "private_key_env": .string(importedKey)],
        ["agent_id": "a", "company_id": "c", "private_key_env": .string(String(importedKey.dropFirst(2)))],
        ["agent_id": "a", "company_id": "c", "keystore_path": .string(importedKey)],
        ["agent_id": "a", "company_id": "c", "passphrase_env": .string(importedKey), "keystore_path": "/x.json"],
    ] as [JSONValue])
    func literalKeysAreRefusedAndNeverEchoed(arguments: JSONValue) async throws {
        let environment = try makeWalletEnvironment()
        let result = try await callTool("wallet_register", arguments, in: environment)
        #expect(result.isError)
        #expect(result.text.contains("private_key_env") && result.text.contains("tak-mcp wallet import"), "explains the safe ways")
        let everything = result.text + JSONValue.object(result.structuredContent ?? [:]).jsonText
        #expect(!everything.lowercased().contains(String(Self.importedKey.dropFirst(2))), "the key must not come back")
        #expect(try environment.store.count(in: "wallets") == 0)
    }

    @Test func fundIsSandboxOnlyAndBalanceOnChainNeedsAnRPCURL() async throws {
        let environment = try makeWalletEnvironment()
        _ = try await callTool("wallet_create", ["agent_id": "ag_main", "company_id": "co", "network": "base"], in: environment)
        let fund = try await callTool("wallet_fund", ["agent_id": "ag_main", "amount": "1"], in: environment)
        #expect(fund.isError && fund.text.contains("sandbox"))
        let balance = try await callTool("wallet_balance", ["agent_id": "ag_main"], in: environment)
        #expect(balance.isError && balance.structured["error"] == "not_configured")
        #expect(balance.text.contains("TAK_RPC_URL_BASE"))
    }
}
