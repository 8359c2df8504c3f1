/// Encodes an RGB raster as a PNG: signature, IHDR, one IDAT of zlib data, IEND, each chunk with
/// its CRC-32. Rows are filtered per row with the cheapest of None, Sub and Up.
public enum PNGEncoder {
    /// The eight-byte PNG signature.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG file of `raster`.
    public static func encode(_ raster: Raster, mode: Deflate.Mode = .fixedHuffman) -> [UInt8] {
        var header: [UInt8] = []
        header += bigEndian(UInt32(raster.width))
        header += bigEndian(UInt32(raster.height))
        header += [8, 2, 0, 0, 0]  // 8 bits per sample, truecolour (RGB), deflate, adaptive filters, no interlace
        var out = signature
        out += chunk("IHDR", header)
        out += chunk("IDAT", Deflate.zlib(filtered(raster), mode: mode))
        out += chunk("IEND", [])
        return out
    }

    /// The scanlines, each prefixed with its filter type.
    static func filtered(_ raster: Raster) -> [UInt8] {
        let stride = raster.width * 3
        var out: [UInt8] = []
        out.reserveCapacity((stride + 1) * raster.height)
        let pixels = raster.pixels
        var candidate = [UInt8](repeating: 0, count: stride)
        for row in 0..<raster.height {
            let start = row * stride
            var best: (type: UInt8, cost: Int, bytes: [UInt8]) = (0, Int.max, [])
            for type: UInt8 in [0, 1, 2] {
                var cost = 0
                for index in 0..<stride {
                    let value = pixels[start + index]
                    let left = index >= 3 ? pixels[start + index - 3] : 0
                    let up = row > 0 ? pixels[start - stride + index] : 0
                    let filtered = type == 0 ? value : type == 1 ? value &- left : value &- up
                    candidate[index] = filtered
                    cost += filtered < 128 ? Int(filtered) : 256 - Int(filtered)
                }
                if cost < best.cost { best = (type, cost, candidate) }
            }
            out.append(best.type)
            out += best.bytes
        }
        return out
    }

    /// A chunk: length, type, data, CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let crc = Checksum.crc32(data, continuing: Checksum.crc32(typeBytes))
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc)
    }

    /// Four bytes, most significant first.
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

extension KnowledgeBase {
    /// The chart of `card` as SVG text and as PNG bytes, at `width` × `height`.
    public func chart(of card: KnowledgeCard, width: Int = 800, height: Int = 450) -> (svg: String, png: [UInt8], drawing: Drawing) {
        let drawing = ChartLayout.draw(chartSpec(of: card), width: width, height: height)
        return (SVGWriter.svg(drawing), PNGEncoder.encode(Raster(drawing)), drawing)
    }
}
