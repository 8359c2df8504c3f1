/// Why a keystore could not be written or opened.
public struct KeystoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad cause, for callers that branch on it.
    public enum Kind: Sendable, Equatable {
        /// The passphrase is wrong or the file was altered: the MAC does not match.
        case macMismatch
        /// The JSON is not a well-formed v3 keystore.
        case malformed
        /// A well-formed keystore that uses something we do not support, or exceeds the limits.
        case unsupported
        /// A bad argument to `encrypt` (key or address length, KDF parameters).
        case invalidArgument
        /// The system random source failed.
        case randomFailure
    }

    /// The broad cause.
    public var kind: Kind
    /// What is wrong, in words; never contains secret material.
    public var reason: String

    /// An error of `kind` explained by `reason`.
    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// The one error a wrong passphrase produces.
    public static let macMismatch = KeystoreError(.macMismatch, "wrong passphrase or corrupted keystore (MAC mismatch)")

    /// The reason.
    public var description: String { reason }
}
