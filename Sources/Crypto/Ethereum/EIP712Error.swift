/// Why EIP-712 typed data could not be hashed: the message names the offending field by its
/// path (for example `message.to`, `domain.chainId`, `types.Mail[1]`).
public struct EIP712Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path of the field at fault ("" when the document as a whole is at fault).
    public var path: String
    /// What is wrong with it.
    public var reason: String

    /// An error at `path`.
    public init(_ path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    /// "path: reason".
    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}
