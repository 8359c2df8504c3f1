/// HMAC (RFC 2104 / FIPS 198-1) over any `HashFunction`, e.g. `HMAC<SHA256>`.
///
/// The inner and outer hashers are keyed once at `init`; copying an `HMAC` value reuses them,
/// which is what makes PBKDF2 cost two compressions per iteration instead of four.
public struct HMAC<H: HashFunction>: Sendable {
    /// The hasher that has absorbed `key ⊕ ipad` and then the message.
    var inner: H
    /// The hasher that has absorbed `key ⊕ opad`.
    var outer: H

    /// Keys a MAC computation; a key longer than the block is hashed first (RFC 2104 §2).
    public init<Key: Collection>(key: Key) where Key.Element == UInt8 {
        var block = [UInt8](repeating: 0, count: H.blockByteCount)
        if key.count > H.blockByteCount {
            var digest = H.hash(key)
            block.replaceSubrange(0..<digest.count, with: digest)
            SecureZero.zero(&digest)
        } else {
            block.replaceSubrange(0..<key.count, with: key)
        }
        for index in block.indices { block[index] ^= 0x36 }
        inner = H()
        inner.update(bytes: block)
        for index in block.indices { block[index] ^= 0x36 ^ 0x5c }
        outer = H()
        outer.update(bytes: block)
        SecureZero.zero(&block)
    }

    /// Feeds message bytes.
    public mutating func update<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        inner.update(bytes: bytes)
    }

    /// Feeds the message bytes at `bufferPointer`.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        inner.update(bufferPointer: bufferPointer)
    }

    /// The authentication code of everything fed so far; `self` is left unchanged.
    public func finalize() -> [UInt8] {
        let innerDigest = inner.finalize()
        var result = outer
        result.update(bytes: innerDigest)
        return result.finalize()
    }

    /// The authentication code of `message` under `key` in one call.
    public static func authenticationCode<Message: Collection, Key: Collection>(
        for message: Message, using key: Key
    ) -> [UInt8] where Message.Element == UInt8, Key.Element == UInt8 {
        var mac = HMAC(key: key)
        mac.update(bytes: message)
        return mac.finalize()
    }

    /// Whether `code` is the authentication code of `message` under `key`, compared in constant time.
    public static func isValidAuthenticationCode<Code: Collection, Message: Collection, Key: Collection>(
        _ code: Code, authenticating message: Message, using key: Key
    ) -> Bool where Code.Element == UInt8, Message.Element == UInt8, Key.Element == UInt8 {
        constantTimeEquals(authenticationCode(for: message, using: key), Array(code))
    }
}
