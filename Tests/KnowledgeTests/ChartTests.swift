import Foundation
import Testing
@testable import Knowledge

/// Charts: the SVG and the PNG come from one drawing; the PNG decodes back to the same pixels.
@Suite("Charts and PNG")
struct ChartTests {
    let base = KnowledgeBase.embedded

    @Test("Checksums match their published check values")
    func checksums() {
        #expect(Checksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Checksum.crc32([]) == 0)
        #expect(Checksum.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Checksum.adler32([]) == 1)
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(Checksum.crc32(bytes) == PNGReader.bitwiseCRC(bytes))
    }

    @Test("Deflate round-trips through an independent inflater, stored and fixed-Huffman", arguments: [Deflate.Mode.stored, .fixedHuffman])
    func deflate(mode: Deflate.Mode) throws {
        var random = UInt64(2026)
        let noise = (0..<5000).map { _ -> UInt8 in random = random &* 6364136223846793005 &+ 1; return UInt8(random >> 56) }
        let inputs: [[UInt8]] = [[], [42], Array("abcabcabcabcabc".utf8), [UInt8](repeating: 7, count: 100_000), noise,
                                 Array(String(repeating: "the quick brown fox ", count: 3000).utf8)]
        for input in inputs {
            #expect(try TestInflate.zlib(Deflate.zlib(input, mode: mode)) == input)
        }
        #expect(Deflate.zlib([UInt8](repeating: 0, count: 100_000), mode: .fixedHuffman).count < 1000)
    }

    @Test("A series chart is a line chart with title, unit, axes and source")
    func lineChart() throws {
        let card = try #require(base.card(id: "vs~gapminder.gdppercap.brazil~gapminder.gdppercap.argentina@1992..2007"))
        let chart = base.chart(of: card)
        #expect(chart.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(chart.svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(chart.svg.contains("Brazil vs Argentina: GDP per capita, 1992–2007"))
        #expect(chart.svg.contains("Unit: US$ (inflation-adjusted) (inferred)"))
        #expect(chart.svg.contains("Source: Gapminder"))
        #expect(chart.svg.contains(">1996<") && chart.svg.contains(">2004<"))
    }

    @Test("A ranking chart is bars with the top entries and their values")
    func barChart() throws {
        let card = try #require(base.card(id: "gapminder.lifeexp.ranking@2007"))
        let chart = base.chart(of: card)
        #expect(!chart.svg.contains("<polyline"))
        #expect(chart.svg.contains(">Japan<"))
        #expect(chart.svg.contains(">82.6 years<"))
        #expect(chart.svg.contains("top 20 of 142"))
    }

    @Test("The PNG decodes to the drawing's pixels, with valid chunk CRCs", arguments: [Deflate.Mode.stored, .fixedHuffman])
    func pngRoundTrip(mode: Deflate.Mode) throws {
        let card = try #require(base.card(id: "stocks.price.msft"))
        let drawing = ChartLayout.draw(base.chartSpec(of: card), width: 400, height: 240)
        let raster = Raster(drawing)
        let image = try PNGReader.decode(PNGEncoder.encode(raster, mode: mode))
        #expect(image.chunks == ["IHDR", "IDAT", "IEND"])
        #expect(image.width == 400 && image.height == 240)
        #expect(image.pixels == raster.pixels)
        #expect(raster.pixels.contains { $0 != 255 }, "something is drawn")
        #expect(raster.pixel(x: 0, y: 0) == RGB(255, 255, 255))
    }

    @Test("Sizes are clamped to what the layout can draw")
    func clamps() throws {
        let card = try #require(base.card(id: "stocks.price.msft"))
        let drawing = base.chart(of: card, width: 10, height: 100_000).drawing
        #expect(drawing.width == 320 && drawing.height == 1200)
    }

    @Test("Python's zlib reads our PNG stream (when TAK_INTEROP_PYTHON names an interpreter)",
          .enabled(if: ProcessInfo.processInfo.environment["TAK_INTEROP_PYTHON"] != nil))
    func pythonReadsPNG() throws {
        let card = try #require(base.card(id: "gapminder.lifeexp.ranking@2007"))
        let raster = Raster(ChartLayout.draw(base.chartSpec(of: card), width: 320, height: 200))
        let png = PNGEncoder.encode(raster)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tak-chart-\(UUID().uuidString).png")
        try Data(png).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        pos, idat = 8, b''
        while pos < len(data):
            n = struct.unpack('>I', data[pos:pos+4])[0]
            kind, body = data[pos+4:pos+8], data[pos+8:pos+8+n]
            assert zlib.crc32(kind + body) == struct.unpack('>I', data[pos+8+n:pos+12+n])[0]
            if kind == b'IDAT': idat += body
            pos += 12 + n
        print(len(zlib.decompress(idat)))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TAK_INTEROP_PYTHON"]!)
        process.arguments = ["-c", script, file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == String((320 * 3 + 1) * 200))
    }
}
