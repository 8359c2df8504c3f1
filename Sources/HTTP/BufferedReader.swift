/// Something bytes are read from: a socket, or an array in tests.
protocol ByteSource {
    /// Reads at least one byte into `buffer` and returns how many, or 0 at the end of the stream.
    mutating func receive(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Reads lines and byte runs from a `ByteSource` through one reusable buffer.
struct BufferedReader<Source: ByteSource> {
    /// What one `readLine` found.
    enum Line {
        /// A line without its CR LF (or bare LF).
        case line([UInt8])
        /// The stream ended; `partial` holds bytes after the last line end.
        case end(partial: Int)
        /// No line end within the allowed length.
        case tooLong
    }

    /// The source.
    private var source: Source
    /// Storage; the unconsumed bytes are `buffer[start..<end]`.
    private var buffer: [UInt8]
    /// The first unconsumed byte.
    private var start = 0
    /// One past the last byte read.
    private var end = 0

    /// A reader of `source` with a buffer of `capacity` bytes (it grows for longer lines).
    init(_ source: Source, capacity: Int = 64 << 10) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: capacity)
    }

    /// How many bytes are buffered and unconsumed.
    private var available: Int { end - start }

    /// Reads once more from the source after the buffered bytes, first moving them to the front
    /// (or doubling the buffer when it is full of them); false at the end of the stream.
    private mutating func fill() throws -> Bool {
        if start > 0 {
            if available > 0 { buffer.withUnsafeMutableBytes { raw in raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<end])) } }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let count = try buffer.withUnsafeMutableBytes { raw in
            try source.receive(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        end += count
        return count > 0
    }

    /// The next line, at most `maxLength` bytes including its line end.
    mutating func readLine(maxLength: Int) throws -> Line {
        var searched = 0
        while true {
            if let lf = buffer[(start + searched)..<end].firstIndex(of: 0x0A) {
                guard lf - start < maxLength else { return .tooLong }
                let lineEnd = lf > start && buffer[lf - 1] == 0x0D ? lf - 1 : lf
                let line = Array(buffer[start..<lineEnd])
                start = lf + 1
                return .line(line)
            }
            guard available < maxLength else { return .tooLong }
            searched = available
            guard try fill() else { return .end(partial: available) }
        }
    }

    /// Appends up to `count` bytes to `output`, reading if nothing is buffered; returns how many
    /// were appended, 0 only at the end of the stream.
    mutating func read(upTo count: Int, into output: inout [UInt8]) throws -> Int {
        if available == 0, try !fill() { return 0 }
        let taken = min(count, available)
        output.append(contentsOf: buffer[start..<(start + taken)])
        start += taken
        return taken
    }

    /// Exactly `count` bytes: the buffered ones, then read straight into the result. Throws
    /// `truncated(missing)` if the stream ends first.
    mutating func read(exactly count: Int, truncated: (Int) -> any Error) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { output, initialized in
            let buffered = min(count, available)
            buffer.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(output).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + buffered)]))
            }
            start += buffered
            initialized = buffered
            while initialized < count {
                let read = try source.receive(into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(output)[initialized...]))
                guard read > 0 else { throw truncated(count - initialized) }
                initialized += read
            }
        }
    }
}
