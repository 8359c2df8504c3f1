/// Reads `WWW-Authenticate` field values (RFC 9110 §11.6.1) into challenges: several per line,
/// several lines, or lines an HTTP stack folded into one with `, ` — a new challenge starts
/// where a comma is followed by a scheme name and a space, outside quoted strings. Only the
/// `Payment` scheme is kept; others (`Bearer`…) are skipped.
public enum MPPChallengeParser {
    /// The longest parameter value accepted (16 KiB, as pympp); a longer one drops its challenge.
    public static let maxValueBytes = 16 << 10

    /// The `Payment` challenges in `values` (each a `WWW-Authenticate` field value), in order;
    /// challenges with a parameter too long or a value that cannot be read are dropped.
    public static func challenges(in values: [String]) -> [MPPChallenge] {
        values.flatMap { value in
            var scanner = Scanner(Array(value.utf8))
            return scanner.challenges().compactMap { scheme, parameters in
                scheme.lowercased() == "payment" ? MPPChallenge(parameters: parameters) : nil
            }
        }
    }

    /// A cursor over one field value.
    private struct Scanner {
        /// The bytes.
        let bytes: [UInt8]
        /// The next byte to read.
        var index = 0

        /// A scanner of `bytes`.
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// Every challenge: its scheme and parameters; nil parameters mark a challenge to drop.
        mutating func challenges() -> [(String, [MPPChallenge.Parameter])] {
            var found: [(String, [MPPChallenge.Parameter])] = []
            var current: (scheme: String, parameters: [MPPChallenge.Parameter], valid: Bool)?
            func close() {
                if let current, current.valid { found.append((current.scheme, current.parameters)) }
                current = nil
            }
            while true {
                skip { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ",") }
                guard index < bytes.count else { break }
                let token = readToken()
                guard !token.isEmpty else {
                    // Not a token: skip to the next comma outside quotes.
                    skipItem()
                    continue
                }
                let afterToken = index
                skip { $0 == 0x20 || $0 == 0x09 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "="), current != nil, !isToken68Tail(from: index) {
                    // `name = value` of the current challenge.
                    index += 1
                    skip { $0 == 0x20 || $0 == 0x09 }
                    if let value = readValue() {
                        if value.utf8.count > MPPChallengeParser.maxValueBytes { current?.valid = false }
                        current?.parameters.append(MPPChallenge.Parameter(name: token.lowercased(), value: value))
                    } else {
                        current?.valid = false
                        skipItem()
                    }
                    continue
                }
                // A scheme name starts a new challenge; what follows on the same item is its first parameter.
                index = afterToken
                close()
                current = (token, [], true)
                skip { $0 == 0x20 || $0 == 0x09 }
                if index < bytes.count, bytes[index] != UInt8(ascii: ",") {
                    let paramStart = index
                    let name = readToken()
                    skip { $0 == 0x20 || $0 == 0x09 }
                    if !name.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "="), !isToken68Tail(from: index) {
                        index += 1
                        skip { $0 == 0x20 || $0 == 0x09 }
                        if let value = readValue() {
                            if value.utf8.count > MPPChallengeParser.maxValueBytes { current?.valid = false }
                            current?.parameters.append(MPPChallenge.Parameter(name: name.lowercased(), value: value))
                        } else {
                            current?.valid = false
                            skipItem()
                        }
                    } else {
                        // token68 (as in `Basic dXNlcg==`): not an auth-param list.
                        index = paramStart
                        skipItem()
                    }
                }
            }
            close()
            return found
        }

        /// Whether the `=` at `position` is the padding of a token68 (as in `Basic dXNlcg==`)
        /// rather than a parameter's equals sign: only `=` signs follow it up to the end of the item.
        func isToken68Tail(from position: Int) -> Bool {
            var cursor = position
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") { cursor += 1 }
            while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
            return cursor == bytes.count || bytes[cursor] == UInt8(ascii: ",")
        }

        /// Advances past bytes matching `predicate`.
        mutating func skip(while predicate: (UInt8) -> Bool) {
            while index < bytes.count, predicate(bytes[index]) { index += 1 }
        }

        /// Reads a token (tchar run).
        mutating func readToken() -> String {
            let start = index
            while index < bytes.count, Self.isTokenByte(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Reads a quoted string (unescaping `\x` and `\uXXXX`) or a token; nil if malformed.
        mutating func readValue() -> String? {
            guard index < bytes.count else { return nil }
            guard bytes[index] == UInt8(ascii: "\"") else {
                let token = readToken()
                return token.isEmpty ? nil : token
            }
            index += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                if !raw.isEmpty { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw.removeAll() }
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") {
                    flush()
                    return String(scalars)
                }
                guard byte == UInt8(ascii: "\\") else { raw.append(byte); continue }
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                if escaped == UInt8(ascii: "u"), let unit = readHex4() {
                    flush()
                    if (0xD800..<0xDC00).contains(unit), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                       bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        guard let low = readHex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        guard let scalar = Unicode.Scalar(combined) else { return nil }
                        scalars.append(scalar)
                    } else {
                        guard let scalar = Unicode.Scalar(unit) else { return nil }
                        scalars.append(scalar)
                    }
                } else {
                    raw.append(escaped)
                }
            }
            return nil
        }

        /// Reads four hex digits.
        mutating func readHex4() -> UInt32? {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else { return nil }
            index += 4
            return value
        }

        /// Skips to the next comma outside a quoted string.
        mutating func skipItem() {
            var quoted = false
            while index < bytes.count {
                let byte = bytes[index]
                if quoted, byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") { quoted.toggle() }
                if !quoted, byte == UInt8(ascii: ",") { return }
                index += 1
            }
        }

        /// Whether `byte` is an RFC 9110 `tchar`.
        static func isTokenByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
            default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}
