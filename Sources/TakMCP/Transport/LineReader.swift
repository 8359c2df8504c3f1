
/// Splits a byte stream into lines without rescanning: each byte is looked at once by `memchr`,
/// a partial line is kept and only moved to the front of the buffer, and the buffer grows by
/// doubling up to the line cap. A line longer than the cap is dropped (reported once) and
/// reading resumes after its newline.
public struct LineReader: ~Copyable {
    /// Reads into a buffer; returns the number of bytes read, 0 at end of input, -1 on error.
    public typealias ReadFunction = (UnsafeMutableRawBufferPointer) -> Int

    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0       // first byte of the current (partial) line
    private var end = 0         // one past the last byte read
    private var scanned = 0     // bytes from `start` already known to hold no newline
    private var discarding = false
    private let maxLineBytes: Int
    private let read: ReadFunction

    /// A reader that calls `read` for input and refuses lines longer than `maxLineBytes`.
    public init(maxLineBytes: Int, initialCapacity: Int = 64 << 10, read: @escaping ReadFunction) {
        self.maxLineBytes = maxLineBytes
        self.read = read
        buffer = .allocate(byteCount: max(initialCapacity, 16), alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// A reader of a file descriptor (stdin by default), retrying on EINTR.
    public static func fileDescriptor(_ fd: Int32 = 0, maxLineBytes: Int) -> LineReader {
        LineReader(maxLineBytes: maxLineBytes) { read(fd, into: $0) }
    }

    /// One `read(2)` of `fd` into `target`, retried on EINTR: the byte count, 0 at end of input,
    /// negative on an error.
    public static func read(_ fd: Int32, into target: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = Glibc.read(fd, target.baseAddress, target.count)
            if count < 0, errno == EINTR { continue }
            return count
        }
    }

    /// What `next` found.
    public enum Event {
        /// A complete line, without its newline; valid until the next call.
        case line(UnsafeBufferPointer<UInt8>)
        /// A line longer than the cap was dropped.
        case oversized
        /// End of input (a final line without newline was delivered before this).
        case end
    }

    /// Returns the next line, oversized-line report or end of input.
    public mutating func next() -> Event {
        while true {
            // Look for a newline in the bytes not yet scanned.
            let from = start + scanned
            if from < end, let found = memchr(buffer.baseAddress! + from, 0x0A, end - from) {
                let newline = buffer.baseAddress!.distance(to: found)
                let lineStart = start
                start = newline + 1
                scanned = 0
                if discarding {
                    discarding = false
                    continue
                }
                if newline - lineStart > maxLineBytes { return .oversized }
                let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + lineStart
                return .line(UnsafeBufferPointer(start: base, count: newline - lineStart))
            }
            scanned = end - start
            if !discarding, scanned > maxLineBytes {
                discarding = true
                start = end
                scanned = 0
                return .oversized
            }
            if discarding {
                start = 0
                end = 0
                scanned = 0
            }
            makeRoom()
            let count = read(UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if count <= 0 {
                // End of input: deliver a last unterminated line once.
                if !discarding, end > start {
                    if end - start > maxLineBytes {
                        start = end
                        return .oversized
                    }
                    let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + start
                    let line = UnsafeBufferPointer(start: base, count: end - start)
                    start = end
                    scanned = 0
                    return .line(line)
                }
                return .end
            }
            end += count
        }
    }

    /// Moves the partial line to the front and grows the buffer when less than a quarter is free.
    private mutating func makeRoom() {
        if start > 0 {
            let pending = end - start
            if pending > 0 {
                memmove(buffer.baseAddress!, buffer.baseAddress! + start, pending)
            }
            start = 0
            end = pending
        }
        if buffer.count - end < buffer.count / 4 {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            if end > 0 { grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end) }
            buffer.deallocate()
            buffer = grown
        }
    }
}
