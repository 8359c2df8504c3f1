import Store
import Tools
import Crypto

/// `tak-mcp wallet import --agent ID --company ID`: a person pastes a private key at the
/// terminal (not echoed) or pipes it in; it is encrypted into the home's keystore and never
/// printed. This is the safe way in for a key that must not pass through a model's transcript.
enum WalletImportCommand {
    static func run(configuration: ServerConfiguration, agent: String, company: String, networkName: String) -> Int32 {
        let stderr = FileDescriptorSink(fd: 2)
        guard let network = WalletNetwork(rawValue: networkName) else {
            stderr.writeLine("tak-mcp: --network must be one of \(WalletNetwork.names.joined(separator: ", ")); got \(networkName)")
            return 64
        }
        let interactive = isatty(0) == 1
        if interactive { stderr.writeLine("Paste the private key (64 hex digits, 0x optional) and press Enter; it will not be shown:") }
        guard var line = readSecretLine(echo: !interactive) else {
            stderr.writeLine("tak-mcp: no key on standard input")
            return 65
        }
        defer { line.removeAll() }
        let key: EthereumPrivateKey
        do {
            key = try EthereumPrivateKey(hex: line.trimmingWhitespace)
        } catch {
            stderr.writeLine("tak-mcp: that is not a secp256k1 private key: it must be 32 bytes as 64 hex digits (0x optional), below the curve order")
            return 65
        }
        do {
            let environment = try ServerEnvironment.make(configuration: configuration, diagnostics: stderr)
            let record = try environment.walletService().register(key, agentID: agent, companyID: company, network: network)
            print("Imported the wallet \(record.address.checksummed) for agent \(agent) (company \(company), network \(network.rawValue)).")
            print("The key is encrypted in \(configuration.home)/keys; it is never shown again.")
            return 0
        } catch let error as WalletError {
            stderr.writeLine("tak-mcp: \(error.message)")
            return 1
        } catch {
            stderr.writeLine("tak-mcp: \(error)")
            return 1
        }
    }

    /// One line from stdin, with terminal echo off while it is typed.
    static func readSecretLine(echo: Bool) -> String? {
        var saved = termios()
        let restore = !echo && tcgetattr(0, &saved) == 0
        if restore {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSANOW, &quiet)
        }
        defer {
            if restore {
                tcsetattr(0, TCSANOW, &saved)
                FileDescriptorSink(fd: 2).writeLine("")
            }
        }
        var reader = LineReader.fileDescriptor(0, maxLineBytes: 4096)
        switch reader.next() {
        case .line(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .oversized, .end: return nil
        }
    }
}
