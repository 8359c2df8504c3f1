/// The crypto figures beside their targets (libsecp256k1 via coincurve on this machine, same day:
/// keygen+address 17k/s, sign 31k/s, verify 25k/s, recover 21k/s).
enum CryptoBench {
    static let targets: [String: String] = [
        "secp256k1 sign (RFC 6979)": ">= 10k/s (libsecp256k1 31k/s)",
        "secp256k1 verifyVartime": ">= 8k/s (libsecp256k1 25k/s)",
        "secp256k1 recoverPublicKeyVartime": ">= 8k/s (libsecp256k1 21k/s)",
        "secp256k1 keygen+address": "(libsecp256k1 17k/s)",
        "SHA-256 64 MiB in 1 MiB chunks": ">= 250 MB/s",
        "Keccak-256 64 MiB in 1 MiB chunks": ">= 200 MB/s",
    ]

    static func run(report: inout BenchReport) {
        var rows: [(String, Double, String)] = []
        runSymmetricCryptoBenchmarks { rows.append(($0, $1, $2)) }
        runECBenchmarks { rows.append(($0, $1, $2)) }
        for (name, value, unit) in rows where name != "checksum" {
            let shown = unit.hasSuffix("/s") && value >= 1000 ? "\(grouped(value)) \(unit)" : "\(fmt(value, 1)) \(unit)"
            report.add(name, shown, target: targets[name] ?? "")
        }
    }
}
