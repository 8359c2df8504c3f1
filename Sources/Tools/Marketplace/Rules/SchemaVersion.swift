/// The TAK schema versions mutating tools accept in `schema_version`.
enum SchemaVersion {
    /// The version assumed when none is given.
    static let current = "tak/0.1"
    /// Every version this server speaks.
    static let supported = [current]

    /// The version to use for `given`, or an `invalid_request` that lists the supported ones.
    static func resolve(_ given: String?) throws(ToolFailure) -> String {
        guard let given else { return current }
        guard supported.contains(given) else {
            throw ToolFailure(code: .invalidRequest,
                              message: "`schema_version` \(given) is not supported; use \(supported.joined(separator: " or ")) or leave it out",
                              details: ["field": "schema_version", "got": .string(given), "supported": .array(supported.map { .string($0) })])
        }
        return given
    }
}
