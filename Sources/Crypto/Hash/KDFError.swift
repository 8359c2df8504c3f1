/// Why a key-derivation function refused its parameters.
public struct KDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the parameters, in words.
    public var reason: String
    /// A readable reason.
    public var description: String { reason }
}
