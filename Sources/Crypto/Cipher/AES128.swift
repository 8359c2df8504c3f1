/// Why an AES operation was refused.
public enum AESError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key is not 16 bytes.
    case invalidKeyLength(Int)
    /// A block is not 16 bytes.
    case invalidBlockLength(Int)
    /// A CTR initial counter block is not 16 bytes.
    case invalidIVLength(Int)

    /// A readable reason.
    public var description: String {
        switch self {
        case .invalidKeyLength(let n): "AES-128 key must be 16 bytes, got \(n)"
        case .invalidBlockLength(let n): "AES block must be 16 bytes, got \(n)"
        case .invalidIVLength(let n): "AES-CTR counter block must be 16 bytes, got \(n)"
        }
    }
}

/// The AES-128 block cipher, encryption direction only (FIPS 197), in constant time.
///
/// The S-box is never a table: `BitslicedBytes` computes it as GF(2^8) inversion plus the
/// affine map on bit planes, for 64 bytes (four blocks) at a time. ShiftRows and MixColumns are
/// shifts and masks on 32-bit columns, so no branch or memory index depends on key or data.
/// The expanded key lives in memory this object owns and is zeroed when it is released.
///
/// `@unchecked Sendable`: the round keys are written once in `init` and only read afterwards.
public final class AES128: @unchecked Sendable {
    /// AES-128 keys are 16 bytes.
    public static let keyByteCount = 16
    /// AES blocks are 16 bytes.
    public static let blockByteCount = 16

    /// The 44 round-key columns (11 round keys of 4), little-endian: byte 0 of a column is row 0.
    let roundKeys: UnsafeMutablePointer<UInt32>

    /// Expands a 16-byte key (FIPS 197 §5.2).
    public init<Key: Collection>(key: Key) throws(AESError) where Key.Element == UInt8 {
        guard key.count == 16 else { throw .invalidKeyLength(key.count) }
        roundKeys = .allocate(capacity: 44)
        var keyBytes = Array(key)
        defer { SecureZero.zero(&keyBytes) }
        for column in 0..<4 {
            roundKeys[column] = UInt32(keyBytes[4 * column]) | UInt32(keyBytes[4 * column + 1]) << 8
                | UInt32(keyBytes[4 * column + 2]) << 16 | UInt32(keyBytes[4 * column + 3]) << 24
        }
        var rcon: UInt32 = 1
        for index in 4..<44 {
            var temp = roundKeys[index - 1]
            if index % 4 == 0 { // public schedule position, not data
                temp = Self.subWord((temp &>> 8) | (temp &<< 24)) ^ rcon
                rcon = UInt32(Self.xtime(UInt8(truncatingIfNeeded: rcon)))
            }
            roundKeys[index] = roundKeys[index - 4] ^ temp
        }
    }

    /// Zeroes the expanded key before releasing it.
    deinit {
        SecureZero.zero(UnsafeMutableRawBufferPointer(start: roundKeys, count: 44 * 4))
        roundKeys.deallocate()
    }

    /// Encrypts one 16-byte block.
    public func encryptBlock<Block: Collection>(_ block: Block) throws(AESError) -> [UInt8] where Block.Element == UInt8 {
        guard block.count == 16 else { throw .invalidBlockLength(block.count) }
        var buffer = [UInt8](repeating: 0, count: 64)
        buffer.replaceSubrange(0..<16, with: block)
        buffer.withUnsafeMutableBytes { encryptFourBlocks(in: $0) }
        let result = Array(buffer[0..<16])
        SecureZero.zero(&buffer)
        return result
    }

    /// Encrypts the four consecutive 16-byte blocks in `buffer` (exactly 64 bytes) in place.
    func encryptFourBlocks(in buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count == 64)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { state in
            for index in 0..<16 {
                state[index] = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))
            }
            addRoundKey(state, round: 0)
            for round in 1...10 {
                subBytes(state)
                for block in 0..<4 { shiftRows(state, block: block) }
                if round < 10 {
                    for index in 0..<16 { state[index] = Self.mixColumn(state[index]) }
                }
                addRoundKey(state, round: round)
            }
            for index in 0..<16 {
                buffer.storeBytes(of: state[index].littleEndian, toByteOffset: 4 * index, as: UInt32.self)
            }
            SecureZero.zero(UnsafeMutableRawBufferPointer(state))
        }
    }

    /// XORs round key `round` into each of the four blocks.
    @inline(__always)
    func addRoundKey(_ state: UnsafeMutableBufferPointer<UInt32>, round: Int) {
        for index in 0..<16 { state[index] ^= roundKeys[4 * round + index % 4] }
    }

    /// SubBytes on all 64 state bytes through the bitsliced S-box.
    @inline(__always)
    func subBytes(_ s: UnsafeMutableBufferPointer<UInt32>) {
        @inline(__always) func pair(_ i: Int) -> UInt64 { UInt64(s[2 * i]) | UInt64(s[2 * i + 1]) &<< 32 }
        let out = BitslicedBytes.subBytes((pair(0), pair(1), pair(2), pair(3), pair(4), pair(5), pair(6), pair(7)))
        @inline(__always) func put(_ i: Int, _ w: UInt64) {
            s[2 * i] = UInt32(truncatingIfNeeded: w)
            s[2 * i + 1] = UInt32(truncatingIfNeeded: w &>> 32)
        }
        put(0, out.0); put(1, out.1); put(2, out.2); put(3, out.3)
        put(4, out.4); put(5, out.5); put(6, out.6); put(7, out.7)
    }

    /// ShiftRows on one block: row r of column c takes row r of column (c + r) mod 4.
    @inline(__always)
    func shiftRows(_ s: UnsafeMutableBufferPointer<UInt32>, block: Int) {
        let base = 4 * block
        let c0 = s[base], c1 = s[base + 1], c2 = s[base + 2], c3 = s[base + 3]
        @inline(__always) func mix(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 {
            (a & 0x0000_00FF) | (b & 0x0000_FF00) | (c & 0x00FF_0000) | (d & 0xFF00_0000)
        }
        s[base] = mix(c0, c1, c2, c3)
        s[base + 1] = mix(c1, c2, c3, c0)
        s[base + 2] = mix(c2, c3, c0, c1)
        s[base + 3] = mix(c3, c0, c1, c2)
    }

    /// MixColumns on one column: out_r = 2·a_r ⊕ 3·a_(r+1) ⊕ a_(r+2) ⊕ a_(r+3) in GF(2^8).
    @inline(__always)
    static func mixColumn(_ a: UInt32) -> UInt32 {
        let rot1 = (a &>> 8) | (a &<< 24)
        let rot2 = (a &>> 16) | (a &<< 16)
        let rot3 = (a &>> 24) | (a &<< 8)
        let all = a ^ rot1 ^ rot2 ^ rot3
        return xtime4(a ^ rot1) ^ all ^ a
    }

    /// Multiplies each of the four bytes of `x` by 2 in GF(2^8), without branches.
    @inline(__always)
    static func xtime4(_ x: UInt32) -> UInt32 {
        ((x & 0x7F7F_7F7F) &<< 1) ^ (((x &>> 7) & 0x0101_0101) &* 0x1B)
    }

    /// Multiplies one byte by 2 in GF(2^8), without branches.
    @inline(__always)
    static func xtime(_ x: UInt8) -> UInt8 {
        (x &<< 1) ^ ((0 &- (x &>> 7)) & 0x1B)
    }

    /// The S-box of each byte of a key-schedule word.
    static func subWord(_ word: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: BitslicedBytes.subBytes((UInt64(word), 0, 0, 0, 0, 0, 0, 0)).0)
    }
}
