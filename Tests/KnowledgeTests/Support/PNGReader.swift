@testable import Knowledge

/// Reads a PNG back for the tests: checks the signature and every chunk's CRC (computed here
/// bit by bit, independently of the encoder's table), inflates IDAT and undoes the filters.
enum PNGReader {
    /// A decoded image.
    struct Image {
        var width: Int
        var height: Int
        /// RGB bytes, rows top to bottom.
        var pixels: [UInt8]
        /// The chunk types in order.
        var chunks: [String]
        /// The raw zlib stream of the IDAT chunks.
        var zlib: [UInt8]
    }

    /// A bitwise CRC-32 (reflected polynomial 0xEDB88320), as a second opinion on the table version.
    static func bitwiseCRC(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Decodes `bytes`, throwing on any structural or checksum error.
    static func decode(_ bytes: [UInt8]) throws -> Image {
        guard bytes.prefix(8).elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw TestInflate.Failure(description: "signature") }
        func u32(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
        var position = 8, width = 0, height = 0
        var chunks: [String] = [], zlib: [UInt8] = []
        while position < bytes.count {
            let length = u32(position)
            let type = String(decoding: bytes[(position + 4)..<(position + 8)], as: UTF8.self)
            let body = Array(bytes[(position + 4)..<(position + 8 + length)])
            guard UInt32(u32(position + 8 + length)) == bitwiseCRC(body) else { throw TestInflate.Failure(description: "CRC of \(type)") }
            if type == "IHDR" {
                width = u32(position + 8)
                height = u32(position + 12)
                guard bytes[position + 16] == 8, bytes[position + 17] == 2 else { throw TestInflate.Failure(description: "not 8-bit RGB") }
            }
            if type == "IDAT" { zlib += body.dropFirst(4) }
            chunks.append(type)
            position += 12 + length
        }
        let raw = try TestInflate.zlib(zlib)
        return Image(width: width, height: height, pixels: try unfilter(raw, width: width, height: height), chunks: chunks, zlib: zlib)
    }

    /// Undoes the per-row filters (None, Sub, Up, Average, Paeth).
    static func unfilter(_ raw: [UInt8], width: Int, height: Int) throws -> [UInt8] {
        let stride = width * 3
        guard raw.count == (stride + 1) * height else { throw TestInflate.Failure(description: "wrong image data size \(raw.count)") }
        var out = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let type = raw[row * (stride + 1)]
            for index in 0..<stride {
                let value = raw[row * (stride + 1) + 1 + index]
                let left = index >= 3 ? Int(out[row * stride + index - 3]) : 0
                let up = row > 0 ? Int(out[(row - 1) * stride + index]) : 0
                let upLeft = row > 0 && index >= 3 ? Int(out[(row - 1) * stride + index - 3]) : 0
                let predictor: Int
                switch type {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let p = left + up - upLeft
                    let (pa, pb, pc) = (abs(p - left), abs(p - up), abs(p - upLeft))
                    predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
                default: throw TestInflate.Failure(description: "filter \(type)")
                }
                out[row * stride + index] = UInt8((Int(value) + predictor) & 0xFF)
            }
        }
        return out
    }
}
