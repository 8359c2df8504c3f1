/// An independent DEFLATE decoder for the tests: stored blocks and fixed-Huffman blocks, written
/// from RFC 1951 without sharing code with the encoder.
enum TestInflate {
    /// What went wrong while decoding.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads bits least significant first.
    struct Bits {
        let bytes: [UInt8]
        var position = 0

        mutating func bit() throws -> Int {
            guard position / 8 < bytes.count else { throw Failure(description: "ran out of input") }
            let value = Int(bytes[position / 8] >> (position % 8)) & 1
            position += 1
            return value
        }

        mutating func bits(_ count: Int) throws -> Int {
            var value = 0
            for index in 0..<count { value |= try bit() << index }
            return value
        }

        mutating func alignToByte() { position = (position + 7) / 8 * 8 }
    }

    /// The bytes of a zlib stream, checking its header and Adler-32.
    static func zlib(_ stream: [UInt8]) throws -> [UInt8] {
        guard stream.count >= 6, stream[0] & 0x0F == 8, (Int(stream[0]) * 256 + Int(stream[1])) % 31 == 0 else {
            throw Failure(description: "bad zlib header")
        }
        let data = try inflate(Array(stream[2..<(stream.count - 4)]))
        var a = 1, b = 0
        for byte in data { a = (a + Int(byte)) % 65521; b = (b + a) % 65521 }
        let stored = stream.suffix(4).reduce(0) { $0 << 8 | Int($1) }
        guard stored == b << 16 | a else { throw Failure(description: "Adler-32 mismatch") }
        return data
    }

    /// The bytes of raw DEFLATE data.
    static func inflate(_ input: [UInt8]) throws -> [UInt8] {
        var bits = Bits(bytes: input)
        var out: [UInt8] = []
        var final = 0
        repeat {
            final = try bits.bit()
            switch try bits.bits(2) {
            case 0:
                bits.alignToByte()
                let length = try bits.bits(16), complement = try bits.bits(16)
                guard length == ~complement & 0xFFFF else { throw Failure(description: "stored length check") }
                for _ in 0..<length { out.append(UInt8(try bits.bits(8))) }
            case 1:
                try fixedBlock(&bits, &out)
            default:
                throw Failure(description: "block type not supported by the test decoder")
            }
        } while final == 0
        return out
    }

    /// Decodes one fixed-Huffman block.
    static func fixedBlock(_ bits: inout Bits, _ out: inout [UInt8]) throws {
        let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                            4097, 6145, 8193, 12289, 16385, 24577]
        let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        while true {
            // Read the code most significant bit first, growing it until it is a fixed code.
            var code = 0
            for _ in 0..<7 { code = code << 1 | (try bits.bit()) }
            var symbol: Int
            if code <= 0b0010111 {
                symbol = 256 + code
            } else {
                code = code << 1 | (try bits.bit())
                if (0x30...0xBF).contains(code) { symbol = code - 0x30 }
                else if (0xC0...0xC7).contains(code) { symbol = 280 + code - 0xC0 }
                else {
                    code = code << 1 | (try bits.bit())
                    guard (0x190...0x1FF).contains(code) else { throw Failure(description: "bad fixed code") }
                    symbol = 144 + code - 0x190
                }
            }
            if symbol < 256 { out.append(UInt8(symbol)); continue }
            if symbol == 256 { return }
            let lengthCode = symbol - 257
            guard lengthCode < 29 else { throw Failure(description: "bad length code") }
            let length = lengthBase[lengthCode] + (try bits.bits(lengthExtra[lengthCode]))
            var distanceCode = 0
            for _ in 0..<5 { distanceCode = distanceCode << 1 | (try bits.bit()) }
            guard distanceCode < 30 else { throw Failure(description: "bad distance code") }
            let distance = distanceBase[distanceCode] + (try bits.bits(distanceExtra[distanceCode]))
            guard distance <= out.count else { throw Failure(description: "distance beyond output") }
            for _ in 0..<length { out.append(out[out.count - distance]) }
        }
    }
}
