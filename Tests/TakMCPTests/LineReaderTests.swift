import TakMCP
import Testing

/// Line framing: chunk boundaries, CR LF, the size cap and a last line without newline.
@Suite struct LineReaderTests {
    /// Feeds `input` in chunks of `chunk` bytes and collects the events.
    static func lines(_ input: [UInt8], chunk: Int, cap: Int = 1 << 20) -> [String] {
        var offset = 0
        var reader = LineReader(maxLineBytes: cap, initialCapacity: 16) { target in
            let count = min(chunk, target.count, input.count - offset)
            guard count > 0 else { return 0 }
            for index in 0..<count { target[index] = input[offset + index] }
            offset += count
            return count
        }
        var out: [String] = []
        while true {
            switch reader.next() {
            case .line(let line): out.append(String(decoding: line, as: UTF8.self))
            case .oversized: out.append("<oversized>")
            case .end: return out
            }
        }
    }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func splitsAcrossChunks(chunk: Int) {
        let input = Array("alpha\nbeta\r\n\ngamma-without-newline".utf8)
        #expect(Self.lines(input, chunk: chunk) == ["alpha", "beta\r", "", "gamma-without-newline"])
    }

    @Test(arguments: [1, 5, 100, 100_000])
    func dropsOversizedLineAndGoesOn(chunk: Int) {
        let big = String(repeating: "x", count: 5000)
        let input = Array("ok\n\(big)\nafter\n\(big)".utf8)
        #expect(Self.lines(input, chunk: chunk, cap: 1024) == ["ok", "<oversized>", "after", "<oversized>"])
    }

    @Test func largeLineIsDeliveredWhole() {
        let big = String(repeating: "y", count: 3 << 20)
        let lines = Self.lines(Array("\(big)\nz\n".utf8), chunk: 65536, cap: 32 << 20)
        #expect(lines.count == 2)
        #expect(lines.first?.count == 3 << 20)
        #expect(lines.last == "z")
    }
}
