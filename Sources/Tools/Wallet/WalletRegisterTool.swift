import Store
import JSON
import Crypto

/// `wallet_register`: imports an existing key, from an environment variable or a keystore file,
/// never from a literal key in the arguments (tool arguments end up in transcripts).
struct WalletRegisterTool: Tool {
    struct Arguments: ToolArguments {
        var agent_id: String
        var company_id: String
        var network: String?
        var private_key_env: String?
        var keystore_path: String?
        var passphrase_env: String?
        var private_key: JSONValue?

        static let schema = JSONSchema.object(properties: [
            "agent_id": WalletSchemas.agentID,
            "company_id": WalletSchemas.companyID,
            "network": WalletSchemas.network,
            "private_key_env": .string("The NAME of an environment variable of the server that holds the hex private key, e.g. AGENT_KEY.", minLength: 1, maxLength: 128),
            "keystore_path": .string("Path of a keystore v3 JSON file (geth, eth-account, MetaMask export).", minLength: 1, maxLength: 4096),
            "passphrase_env": .string("The NAME of the environment variable holding the keystore's passphrase (default TAK_WALLET_PASSPHRASE).", minLength: 1, maxLength: 128),
            "private_key": .any("Never pass a key here: it is refused, because tool arguments are logged in transcripts. Use private_key_env or keystore_path."),
        ], required: ["agent_id", "company_id"])

        func validate() throws(ToolInputError) {
            if private_key != nil {
                throw ToolInputError(WalletRegisterTool.literalKeyRefusal)
            }
            for (field, value) in [("private_key_env", private_key_env), ("passphrase_env", passphrase_env)] {
                guard let value else { continue }
                if SecretShape.looksLikePrivateKey(value) {
                    throw ToolInputError("`\(field)` takes the NAME of an environment variable, not a key: \(WalletRegisterTool.literalKeyRefusal)")
                }
                if !SecretShape.isEnvironmentVariableName(value) {
                    throw ToolInputError("`\(field)` must be an environment variable name (letters, digits and _, not starting with a digit)")
                }
            }
            if let keystore_path, SecretShape.looksLikePrivateKey(keystore_path) {
                throw ToolInputError("`keystore_path` takes a file path, not a key: \(WalletRegisterTool.literalKeyRefusal)")
            }
            switch (private_key_env, keystore_path) {
            case (nil, nil): throw ToolInputError("give either `private_key_env` (an environment variable's name) or `keystore_path` (a keystore file)")
            case (.some, .some): throw ToolInputError("give only one of `private_key_env` and `keystore_path`")
            default: break
            }
        }
    }

    static let literalKeyRefusal = """
        a literal private key is refused because tool arguments are kept in transcripts. Safe ways: set an \
        environment variable for the server (e.g. AGENT_KEY=0x…) and pass private_key_env: "AGENT_KEY"; pass \
        keystore_path with a keystore v3 file; or have a person run `tak-mcp wallet import --agent ID --company ID` \
        and paste the key at the terminal. If this key was real, treat it as exposed and move its funds.
        """

    static let name = "wallet_register"
    static let title = "Import a wallet"
    static let description = """
        Register an existing Ethereum key as an agent's wallet, read from an environment variable of the \
        server (private_key_env) or a keystore v3 file (keystore_path, with passphrase_env). Never put a \
        key itself in the arguments: it is refused. The key is re-encrypted into this server's keystore \
        and never returned.
        """
    static let annotations = ToolAnnotations(readOnly: false, destructive: false, idempotent: false, openWorld: false)
    static let toolset = Toolset.wallet
    static let outputSchema: JSONSchema? = WalletSchemas.wallet

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let key: EthereumPrivateKey
        if let variable = arguments.private_key_env {
            guard let value = context.environment.variable(variable), !value.isEmpty else {
                throw ToolFailure.invalidRequest("the server has no environment variable \(variable); set it where the host starts tak-mcp and restart", field: "private_key_env")
            }
            do {
                key = try EthereumPrivateKey(hex: value.trimmingWhitespace)
            } catch {
                throw ToolFailure.invalidRequest("\(variable) does not hold a 32-byte hex secp256k1 private key (0x + 64 hex digits, below the curve order)", field: "private_key_env")
            }
        } else {
            let passphraseVariable = arguments.passphrase_env ?? "TAK_WALLET_PASSPHRASE"
            guard let passphrase = context.environment.variable(passphraseVariable) else {
                throw ToolFailure.invalidRequest("the server has no environment variable \(passphraseVariable) with the keystore's passphrase; set it and restart, or pass passphrase_env", field: "passphrase_env")
            }
            do {
                key = try KeyVault.importKeystore(at: arguments.keystore_path ?? "", passphrase: passphrase)
            } catch let error as WalletError {
                throw error.failure
            }
        }
        let record = try await context.wallet { service in
            try service.register(key, agentID: arguments.agent_id, companyID: arguments.company_id,
                                 network: WalletSchemas.parseNetwork(arguments.network) ?? .sandbox)
        }
        return .structured(record.json)
    }
}

/// Recognising secrets by their shape, so they are refused and never echoed.
public enum SecretShape {
    /// 64 hex digits, with or without 0x: the shape of a private key.
    public static func looksLikePrivateKey(_ text: String) -> Bool {
        let body = text.hasPrefix("0x") || text.hasPrefix("0X") ? text.dropFirst(2) : Substring(text)
        return body.count == 64 && body.allSatisfy(\.isHexDigit)
    }

    /// A POSIX environment variable name.
    public static func isEnvironmentVariableName(_ text: String) -> Bool {
        guard let first = text.first, first == "_" || first.isLetter, first.isASCII else { return false }
        return text.allSatisfy { $0.isASCII && ($0 == "_" || $0.isLetter || $0.isNumber) }
    }
}
