public import Crypto

/// The agent's wallet as the negotiator sees it: an address and a way to sign an EIP-3009
/// authorization. The key stays behind the closure; nothing here can print it.
public struct PaymentSigner: Sendable {
    /// The payer.
    public var address: EthereumAddress
    /// Signs the authorization's EIP-712 digest.
    public var sign: @Sendable (TransferWithAuthorization) throws -> EthereumSignature

    /// A signer from an address and a signing function.
    public init(address: EthereumAddress, sign: @escaping @Sendable (TransferWithAuthorization) throws -> EthereumSignature) {
        self.address = address
        self.sign = sign
    }

    /// A signer holding `key` (RFC 6979: the same authorization always gets the same signature).
    public init(key: EthereumPrivateKey) {
        address = key.address
        sign = { authorization in authorization.sign(with: key) }
    }
}

/// A signed payment credential: the header it goes in and its value. The value is a bearer
/// credential (whoever holds it can settle the payment), so `description` never shows it.
public struct PaymentCredential: Sendable, Equatable, CustomStringConvertible {
    /// The header name (`X-PAYMENT`, `PAYMENT-SIGNATURE`, `Authorization`…).
    public var headerName: String
    /// The header value.
    public var headerValue: String

    /// A credential.
    public init(headerName: String, headerValue: String) {
        self.headerName = headerName
        self.headerValue = headerValue
    }

    /// The header name only.
    public var description: String { "PaymentCredential(\(headerName): <redacted>)" }
}
