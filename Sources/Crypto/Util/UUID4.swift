/// Random (version 4) UUIDs in the lowercase 8-4-4-4-12 form, without Foundation.
public enum UUID4 {
    /// A fresh version-4, RFC 4122-variant UUID string from `random`.
    public static func string(using random: RandomBytes) throws(RandomBytesError) -> String {
        var bytes = try random.bytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Hex.encode(bytes, prefix: false)
        let utf8 = Array(hex.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (index, character) in utf8.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { out.append(UInt8(ascii: "-")) }
            out.append(character)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
