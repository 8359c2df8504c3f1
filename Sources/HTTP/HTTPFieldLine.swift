/// The header-field line syntax both directions share (RFC 9112 §5): `name: value`, with
/// obsolete folded continuation lines joined to the previous value.
enum HTTPFieldLine {
    /// What one line of a header block is.
    enum Parsed {
        /// A `name: value` field.
        case field(name: String, value: String)
        /// A continuation (starts with a space or tab) of the previous field's value.
        case continuation(String)
        /// Not a field line.
        case malformed
    }

    /// Parses one line (without its line end; not empty).
    static func parse(_ line: [UInt8]) -> Parsed {
        if line[0] == 0x20 || line[0] == 0x09 { return .continuation(trimmed(line[...])) }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0, line[..<colon].allSatisfy(HTTPSyntax.isTokenByte) else {
            return .malformed
        }
        return .field(name: String(decoding: line[..<colon], as: UTF8.self), value: trimmed(line[(colon + 1)...]))
    }

    /// `bytes` without leading and trailing spaces and tabs, as text.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
