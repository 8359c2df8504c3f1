extension JSONValue {
    /// The compact JSON text of this value as UTF-8 bytes: no white space and no raw newline, so
    /// it is fit for one line of a line-delimited stream.
    public func serialized() -> [UInt8] {
        var sink = JSONWriter(capacity: 512)
        write(to: &sink)
        return sink.takeArray()
    }

    /// The compact JSON text of this value.
    public var jsonText: String { String(decoding: serialized(), as: UTF8.self) }

    /// Appends the compact JSON text of this value to `out`.
    public func write(to out: inout [UInt8]) {
        out.append(contentsOf: serialized())
    }

    /// Appends this value's JSON text to `out`.
    public func write(to out: inout JSONWriter) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .integer(let i): JSONValue.writeInteger(i, to: &out)
        case .number(let d):
            if !d.isFinite {
                out.append("null")
            } else if let exact = Int64(exactly: d), abs(d) < 1e15 {
                JSONValue.writeInteger(exact, to: &out)
            } else {
                var text = d.description
                text.withUTF8 { out.append(UnsafeRawBufferPointer($0)) }
            }
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .lexeme(let lexeme):
            var text = lexeme.text
            text.withUTF8 { out.append(UnsafeRawBufferPointer($0)) }
        case .array(let items):
            out.append(UInt8(ascii: "["))
            items.withUnsafeBufferPointer { items in
                for index in items.indices {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    items[index].write(to: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            object.members.withUnsafeBufferPointer { members in
                for index in members.indices {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    JSONValue.writeString(members[index].key, to: &out)
                    out.append(UInt8(ascii: ":"))
                    members[index].value.write(to: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `value` as a JSON number.
    public static func writeInteger(_ value: Int64, to out: inout JSONWriter) {
        if value >= 0, value < 10 {
            out.append(UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0"))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var magnitude = value.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[23 - count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
                magnitude /= 10
                count += 1
            }
            if value < 0 { out.append(UInt8(ascii: "-")) }
            out.append(UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// Appends `string` as a quoted, escaped JSON string.
    public static func writeString(_ string: String, to out: inout JSONWriter) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { out.appendQuoted(UnsafeRawBufferPointer($0)) }
        if done == nil {
            var copy = string
            copy.withUTF8 { out.appendQuoted(UnsafeRawBufferPointer($0)) }
        }
    }

    /// The high bit of each byte of `word` (little-endian) that is below 0x20, a quote or a
    /// backslash. A borrow can also mark bytes above a marked one, never below it, so the lowest
    /// mark is always exact.
    @inline(__always)
    static func escapeMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
    }

    /// The letter after the backslash in the escape of `byte` (`u` for `\u00XX`).
    @inline(__always)
    static func escapeLetter(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x22: UInt8(ascii: "\"")
        case 0x5C: UInt8(ascii: "\\")
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: UInt8(ascii: "u")
        }
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { jsonText }
}

/// A growable byte buffer for building JSON text: cheap appends, and the one place that knows how
/// to write a JSON value, so a message can be written in one pass (envelope, then parts that were
/// serialised elsewhere) without building a tree around them.
public struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    public private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 256) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(to: count + extra)
    }

    private mutating func grow(to needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = grown
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends raw bytes (already JSON text, or part of it).
    @inline(__always)
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0 else { return }
        reserve(n)
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes.baseAddress!, byteCount: n)
        count += n
    }

    /// Appends raw bytes (already JSON text, or part of it).
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Appends a literal piece of JSON text.
    @inline(__always)
    public mutating func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends the compact JSON text of `value`.
    public mutating func write(_ value: JSONValue) {
        value.write(to: &self)
    }

    /// Appends `string` as a JSON string literal.
    public mutating func writeString(_ string: String) {
        JSONValue.writeString(string, to: &self)
    }

    /// Appends UTF-8 `text` as a JSON string literal: quoted, with quotes, backslashes and
    /// control characters escaped. Runs of eight bytes that need nothing are copied as words.
    public mutating func appendQuoted(_ text: UnsafeRawBufferPointer) {
        let n = text.count
        reserve(n + 2)
        // A local cursor, so the loop keeps it in a register; `count` is brought up to date
        // around escapes (which may move the buffer) and at the end.
        var out = base + count
        out.pointee = UInt8(ascii: "\"")
        out += 1
        var index = 0
        // Eight bytes at a time: the word is stored whole, and the cursor advances past the bytes
        // before the first one that needs escaping (all eight when none does).
        while index + 8 <= n {
            let word = text.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
            let mask = JSONValue.escapeMask(UInt64(littleEndian: word))
            if mask == 0 {
                out += 8
                index += 8
                continue
            }
            let clean = mask.trailingZeroBitCount / 8
            out += clean
            index += clean
            let byte = text[index]
            index += 1
            // A quote or backslash needs one byte more than it takes, and the common case has
            // room for it and the rest; anything else goes the long way.
            if byte != 0x22 && byte != 0x5C || base + capacity - out < 2 + (n - index) + 1 {
                count = out - base
                appendEscape(byte, remaining: n - index)
                out = base + count
            } else {
                out[0] = UInt8(ascii: "\\")
                out[1] = byte
                out += 2
            }
        }
        while index < n {
            let byte = text[index]
            index += 1
            if byte >= 0x20, byte != 0x22, byte != 0x5C {
                out.pointee = byte
                out += 1
            } else {
                count = out - base
                appendEscape(byte, remaining: n - index)
                out = base + count
            }
        }
        out.pointee = UInt8(ascii: "\"")
        out += 1
        count = out - base
    }

    /// Appends the escape sequence of `byte`, making room for it and for `remaining` more bytes of
    /// the string and its closing quote.
    private mutating func appendEscape(_ byte: UInt8, remaining: Int) {
        reserve(6 + remaining + 1)
        let letter = JSONValue.escapeLetter(byte)
        base[count] = UInt8(ascii: "\\")
        base[count + 1] = letter
        if letter == UInt8(ascii: "u") {
            let hex: StaticString = "0123456789abcdef"
            base[count + 2] = UInt8(ascii: "0")
            base[count + 3] = UInt8(ascii: "0")
            base[count + 4] = hex.utf8Start[Int(byte >> 4)]
            base[count + 5] = hex.utf8Start[Int(byte & 0x0F)]
            count += 6
        } else {
            count += 2
        }
    }

    /// Calls `body` with the bytes written so far.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes as an array.
    public consuming func takeArray() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
