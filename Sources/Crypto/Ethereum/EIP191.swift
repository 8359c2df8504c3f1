/// EIP-191 signed data, version 0x45 ("personal_sign").
public enum EIP191 {
    /// keccak256("\u{19}Ethereum Signed Message:\n" ‖ decimal byte length ‖ message).
    public static func personalMessageHash(_ message: some Collection<UInt8>) -> [UInt8] {
        var hasher = Keccak256()
        hasher.update(bytes: Array("\u{19}Ethereum Signed Message:\n\(message.count)".utf8))
        hasher.update(bytes: message)
        return hasher.finalize()
    }
}
