/// DEFLATE (RFC 1951) and zlib (RFC 1950) compression: stored blocks, or one block with the
/// fixed Huffman codes over LZ77 matches.
public enum Deflate {
    /// How to compress.
    public enum Mode: Sendable {
        /// Stored (uncompressed) blocks of up to 65,535 bytes.
        case stored
        /// Fixed Huffman codes over greedy LZ77 matches (hash chains, 32 KiB window).
        case fixedHuffman
    }

    /// A zlib stream of `data`: header, DEFLATE data, Adler-32 of `data`.
    public static func zlib(_ data: [UInt8], mode: Mode = .fixedHuffman) -> [UInt8] {
        // CMF 0x78 (deflate, 32 KiB window), FLG 0x01: (0x78 * 256 + 0x01) is a multiple of 31.
        var out: [UInt8] = [0x78, 0x01]
        out += deflate(data, mode: mode)
        let adler = Checksum.adler32(data)
        out += [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
        return out
    }

    /// The raw DEFLATE data of `data`.
    public static func deflate(_ data: [UInt8], mode: Mode) -> [UInt8] {
        switch mode {
        case .stored: return stored(data)
        case .fixedHuffman: return fixed(data)
        }
    }

    /// Stored blocks: a header byte, LEN and its complement, then the bytes.
    static func stored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 65535 * 5 + 5)
        var start = 0
        repeat {
            let end = min(data.count, start + 65535)
            let length = UInt16(end - start)
            out.append(end == data.count ? 1 : 0)  // BFINAL, BTYPE 00, then padding to the byte.
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += data[start..<end]
            start = end
        } while start < data.count
        return out
    }

    /// Length code bases (codes 257–285) and their extra bits.
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Distance code bases (codes 0–29) and their extra bits.
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                      4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// One final block with the fixed codes.
    static func fixed(_ data: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE 01: fixed Huffman
        let window = 32768, maxChain = 48, hashSize = 1 << 15
        var head = [Int32](repeating: -1, count: hashSize)
        var previous = [Int32](repeating: -1, count: window)
        func hash(_ index: Int) -> Int {
            (Int(data[index]) << 10 ^ Int(data[index + 1]) << 5 ^ Int(data[index + 2])) & (hashSize - 1)
        }
        func insert(_ index: Int) {
            guard index + 2 < data.count else { return }
            let key = hash(index)
            previous[index & (window - 1)] = head[key]
            head[key] = Int32(index)
        }
        var index = 0
        while index < data.count {
            var bestLength = 0, bestDistance = 0
            if index + 2 < data.count {
                var candidate = Int(head[hash(index)])
                var chain = 0
                let limit = min(258, data.count - index)
                while candidate >= 0, index - candidate <= window, chain < maxChain {
                    if data[candidate + bestLength] == data[index + bestLength] || bestLength == 0 {
                        var length = 0
                        while length < limit && data[candidate + length] == data[index + length] { length += 1 }
                        if length > bestLength { bestLength = length; bestDistance = index - candidate }
                        if length == limit { break }
                    }
                    let next = Int(previous[candidate & (window - 1)])
                    if next >= candidate { break }
                    candidate = next
                    chain += 1
                }
            }
            if bestLength >= 3 {
                writeLength(bestLength, to: &bits)
                writeDistance(bestDistance, to: &bits)
                for position in index..<(index + bestLength) { insert(position) }
                index += bestLength
            } else {
                writeLiteral(Int(data[index]), to: &bits)
                insert(index)
                index += 1
            }
        }
        writeLiteral(256, to: &bits)  // end of block
        return bits.finish()
    }

    /// A literal/length symbol in the fixed code (RFC 1951 §3.2.6).
    static func writeLiteral(_ symbol: Int, to bits: inout BitWriter) {
        switch symbol {
        case 0...143: bits.writeCode(0x30 + symbol, length: 8)
        case 144...255: bits.writeCode(0x190 + symbol - 144, length: 9)
        case 256...279: bits.writeCode(symbol - 256, length: 7)
        default: bits.writeCode(0xC0 + symbol - 280, length: 8)
        }
    }

    /// A match length 3–258: its code and extra bits.
    static func writeLength(_ length: Int, to bits: inout BitWriter) {
        var code = lengthBase.count - 1
        while lengthBase[code] > length { code -= 1 }
        writeLiteral(257 + code, to: &bits)
        if lengthExtra[code] > 0 { bits.write(UInt32(length - lengthBase[code]), count: lengthExtra[code]) }
    }

    /// A match distance 1–32768: its five-bit code and extra bits.
    static func writeDistance(_ distance: Int, to bits: inout BitWriter) {
        var code = distanceBase.count - 1
        while distanceBase[code] > distance { code -= 1 }
        bits.writeCode(code, length: 5)
        if distanceExtra[code] > 0 { bits.write(UInt32(distance - distanceBase[code]), count: distanceExtra[code]) }
    }
}

/// Bits packed least significant first, as DEFLATE writes them.
struct BitWriter {
    /// The finished bytes.
    private var bytes: [UInt8] = []
    /// Bits not yet written, low bits first.
    private var buffer: UInt64 = 0
    /// How many bits `buffer` holds.
    private var count = 0

    /// Writes the low `count` bits of `value`, least significant first (extra bits, headers).
    mutating func write(_ value: UInt32, count bits: Int) {
        buffer |= UInt64(value & (bits == 32 ? .max : (1 << bits) - 1)) << count
        count += bits
        while count >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            count -= 8
        }
    }

    /// Writes a Huffman code, most significant bit first.
    mutating func writeCode(_ code: Int, length: Int) {
        var reversed: UInt32 = 0
        for bit in 0..<length { reversed |= UInt32((code >> bit) & 1) << (length - 1 - bit) }
        write(reversed, count: length)
    }

    /// The bytes, with the last partial byte padded with zeros.
    mutating func finish() -> [UInt8] {
        if count > 0 { bytes.append(UInt8(buffer & 0xFF)); buffer = 0; count = 0 }
        return bytes
    }
}
