/// AES-128 in counter mode (NIST SP 800-38A §6.5), as Web3 keystores use it ("aes-128-ctr").
///
/// The whole 16-byte initial counter block is one big-endian 128-bit integer that is
/// incremented per block and wraps modulo 2^128 (pycryptodome's `Counter.new(128, …)`).
/// Encryption and decryption are the same operation.
public enum AES128CTR {
    /// `data` XORed with the keystream for `key` starting at counter block `iv`.
    public static func apply<Data: Collection, Key: Collection, IV: Collection>(
        to data: Data, key: Key, iv: IV
    ) throws(AESError) -> [UInt8] where Data.Element == UInt8, Key.Element == UInt8, IV.Element == UInt8 {
        guard iv.count == 16 else { throw .invalidIVLength(iv.count) }
        let cipher = try AES128(key: key)
        var output = Array(data)
        var counter = Array(iv)
        var keystream = [UInt8](repeating: 0, count: 64)
        var offset = 0
        while offset < output.count {
            for block in 0..<4 {
                keystream.replaceSubrange((16 * block)..<(16 * block + 16), with: counter)
                increment(&counter)
            }
            keystream.withUnsafeMutableBytes { cipher.encryptFourBlocks(in: $0) }
            let take = min(64, output.count - offset)
            for index in 0..<take { output[offset + index] ^= keystream[index] }
            offset += take
        }
        SecureZero.zero(&keystream)
        return output
    }

    /// Adds one to a 16-byte big-endian counter, wrapping at 2^128, in constant time.
    static func increment(_ counter: inout [UInt8]) {
        var carry: UInt16 = 1
        for index in stride(from: 15, through: 0, by: -1) {
            let sum = UInt16(counter[index]) &+ carry
            counter[index] = UInt8(truncatingIfNeeded: sum)
            carry = sum &>> 8
        }
    }
}
