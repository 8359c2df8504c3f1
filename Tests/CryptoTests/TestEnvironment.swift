#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Switches read from the environment by the crypto tests.
enum CryptoTestEnvironment {
    /// TAK_SLOW_TESTS is set to a non-empty value other than "0".
    static var slowTests: Bool {
        let value = ProcessInfo.processInfo.environment["TAK_SLOW_TESTS"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// TAK_INTEROP_PYTHON: the venv python that has eth-account and pycryptodome, if set and executable.
    static var interopPython: String? {
        guard let path = ProcessInfo.processInfo.environment["TAK_INTEROP_PYTHON"], !path.isEmpty,
              FileManager.default.isExecutableFile(atPath: path)
        else { return nil }
        return path
    }
}
