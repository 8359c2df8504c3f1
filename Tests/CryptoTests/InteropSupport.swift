import Foundation
import JSON
import TakTestSupport

/// Runs the repo's Python interop scripts with the interpreter named by TAK_INTEROP_PYTHON.
enum InteropPython {
    /// The repository's scripts/ folder, found from this source file.
    static let scripts = URL(fileURLWithPath: Repository.root).appendingPathComponent("scripts")

    /// What a script run produced.
    struct Output {
        /// The exit status.
        var status: Int32
        /// Standard output, parsed as JSON when it is.
        var json: JSONValue?
        /// Standard output as text.
        var stdout: String
        /// Standard error as text.
        var stderr: String
    }

    /// Runs `script` from scripts/ with `arguments` and waits for it.
    static func run(_ script: String, _ arguments: [String]) throws -> Output {
        guard let python = CryptoTestEnvironment.interopPython else { throw CocoaError(.executableNotLoadable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scripts.appendingPathComponent(script).path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain both pipes before waiting, so a large output cannot block the child.
        let errData = InteropPipeData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { Thread.sleep(forTimeInterval: 0.01) }
        let text = String(decoding: outData, as: UTF8.self)
        return Output(status: process.terminationStatus, json: try? JSONValue.parse(Array(outData)), stdout: text,
                      stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tak-crypto-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Data handed from a reader thread to the test thread.
final class InteropPipeData: @unchecked Sendable {
    /// Guards the fields.
    private let lock = NSLock()
    /// The bytes read.
    private var data = Data()
    /// Whether the reader finished.
    private var done = false

    /// Stores the bytes and marks completion.
    func set(_ value: Data) { lock.withLock { data = value; done = true } }
    /// Whether `set` has been called.
    var isSet: Bool { lock.withLock { done } }
    /// The stored bytes.
    var value: Data { lock.withLock { data } }
}
