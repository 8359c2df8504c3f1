extension HTTPRequest {
    /// Header fields the transport writes itself; a caller's copies are dropped.
    static let transportOwnedFields = ["Host", "Content-Length", "Connection", "Transfer-Encoding"]

    /// The caller's header fields that the transport sends (its own fields dropped), after
    /// checking them and the method; throws `.invalidRequest` for a method or field that would
    /// break the framing.
    func validatedFields() throws(HTTPTransportError) -> [(name: String, value: String)] {
        guard HTTPSyntax.isToken(method) else {
            throw HTTPTransportError(.invalidRequest, "invalid HTTP method \"\(method)\": use a token such as GET or POST")
        }
        let fields = headers.fields.filter { field in
            !HTTPRequest.transportOwnedFields.contains { HTTPHeaders.sameName($0, field.name) }
        }
        for field in fields {
            guard HTTPSyntax.isToken(field.name) else {
                throw HTTPTransportError(.invalidRequest, "invalid header name \"\(field.name)\": use letters, digits and -")
            }
            guard field.value.utf8.allSatisfy({ $0 != 0x0D && $0 != 0x0A && $0 != 0x00 }) else {
                throw HTTPTransportError(.invalidRequest, "header \(field.name) has a line break or NUL in its value: remove it")
            }
        }
        return fields
    }

    /// The HTTP/1.1 request line and header block for `url`, ending in the blank line; throws
    /// like `validatedFields`.
    func wireHead(for url: HTTPURL) throws(HTTPTransportError) -> [UInt8] {
        let fields = try validatedFields()
        var head = "\(method) \(url.target) HTTP/1.1\r\nHost: \(url.hostHeader)\r\n"
        for field in fields { head += "\(field.name): \(field.value)\r\n" }
        if !body.isEmpty || HTTPRequest.methodsWithBody.contains(method.uppercased()) {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8)
    }

    /// Methods that always carry a `Content-Length`, even for an empty body.
    static let methodsWithBody: Set<String> = ["POST", "PUT", "PATCH"]
}

/// Character classes of HTTP/1.1 (RFC 9110).
enum HTTPSyntax {
    /// Whether `text` is a non-empty token (`tchar`s only): methods and field names.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    /// Whether `byte` is a `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
