/// The stable, machine-readable code of a tool failure (`error` in the `{error, message, details}`
/// object): an open set, like `StoreError.Code`. Domains add their own codes as extensions.
public struct FailureCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code as it appears on the wire, e.g. `not_found`.
    public let rawValue: String

    /// The code `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code `rawValue`.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The wire form.
    public var description: String { rawValue }

    /// An argument is wrong; `details.field` names it.
    public static let invalidRequest = FailureCode("invalid_request")
    /// No record with that id.
    public static let notFound = FailureCode("not_found")
    /// The caller may not do this; `details` says who may.
    public static let permissionDenied = FailureCode("permission_denied")
    /// The record is in a state that does not allow the action.
    public static let invalidStateTransition = FailureCode("invalid_state_transition")
    /// An idempotency key was reused with different arguments.
    public static let idempotencyConflict = FailureCode("idempotency_conflict")
    /// A price above what the request allows.
    public static let priceExceeded = FailureCode("price_exceeded")
    /// The record exists already (one wallet per agent, one address per wallet).
    public static let conflict = FailureCode("conflict")
    /// The server lacks configuration the call needs (an RPC URL, say).
    public static let notConfigured = FailureCode("not_configured")
    /// A remote JSON-RPC node failed or answered nonsense.
    public static let rpcError = FailureCode("rpc_error")
    /// Not enough funds.
    public static let insufficientBalance = FailureCode("insufficient_balance")
    /// The payer of a deal has no wallet.
    public static let payerWalletMissing = FailureCode("payer_wallet_missing")
    /// The payee of a deal has no wallet.
    public static let payeeWalletMissing = FailureCode("payee_wallet_missing")
    /// The wallet is on a network the action does not support.
    public static let unsupportedNetwork = FailureCode("unsupported_network")
    /// Something outside the model's control; nothing was changed.
    public static let internalError = FailureCode("internal_error")
}
