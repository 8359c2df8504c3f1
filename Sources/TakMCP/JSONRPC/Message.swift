import Store
public import JSON

/// One incoming JSON-RPC message, classified.
public enum IncomingMessage: Sendable, Equatable {
    /// A request that wants a response.
    case request(id: RequestID, method: String, params: JSONObject)
    /// A notification (no id, no response).
    case notification(method: String, params: JSONObject)
    /// A response to something we sent (or a stray one).
    case response(id: RequestID?, result: JSONValue?, error: JSONValue?)
    /// Not a valid message: answer with this error, echoing `id` when it could be read.
    case invalid(id: RequestID?, error: JSONRPCError)

    /// Classifies one parsed JSON value. Pure: the rules of JSON-RPC 2.0 as MCP narrows them.
    public static func classify(_ value: JSONValue) -> IncomingMessage {
        guard case .object(let object) = value else {
            return .invalid(id: nil, error: .invalidRequest("a message must be a JSON object"))
        }
        let rawID = object["id"]
        let id = rawID.flatMap(RequestID.init)
        guard object["jsonrpc"] == "2.0" else {
            return .invalid(id: id, error: .invalidRequest("\"jsonrpc\" must be \"2.0\""))
        }
        if let methodValue = object["method"] {
            guard case .string(let method) = methodValue else {
                return .invalid(id: id, error: .invalidRequest("\"method\" must be a string"))
            }
            let params: JSONObject
            switch object["params"] {
            case nil, .null?: params = JSONObject()
            case .object(let p)?: params = p
            default:
                if rawID == nil { return .notification(method: method, params: JSONObject()) }
                guard let id else { return .invalid(id: nil, error: .invalidRequest("\"id\" must be a string or an integer")) }
                return .invalid(id: id, error: .invalidParams("\"params\" must be an object"))
            }
            guard rawID != nil else { return .notification(method: method, params: params) }
            guard let id else {
                return .invalid(id: nil, error: .invalidRequest("\"id\" must be a string or an integer (not null, a Boolean, an object or an array)"))
            }
            guard id.isAllowedOnRequests else {
                return .invalid(id: id, error: .invalidRequest("\"id\" must be a string or an integer; \(id) has a fractional part"))
            }
            return .request(id: id, method: method, params: params)
        }
        if object["result"] != nil || object["error"] != nil {
            return .response(id: id, result: object["result"], error: object["error"])
        }
        return .invalid(id: id, error: .invalidRequest("a request needs a \"method\""))
    }
}

/// Builders for outgoing message lines.
public enum OutgoingMessage {
    /// A success response.
    public static func result(id: RequestID, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id.json, "result": result]
    }

    /// The line of a success response, written in one pass.
    static func resultLine(id: RequestID, _ result: MethodResult) -> [UInt8] {
        var line = JSONWriter(capacity: 1024)
        line.append(#"{"jsonrpc":"2.0","id":"#)
        line.write(id.json)
        line.append(#","result":"#)
        result.write(to: &line)
        line.append(UInt8(ascii: "}"))
        return line.takeArray()
    }

    /// An error response; `id` is null when the request's id could not be read.
    public static func error(id: RequestID?, _ error: JSONRPCError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json]
    }

    /// A notification.
    public static func notification(_ method: String, _ params: JSONObject) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": .object(params)]
    }

    /// A request from the server to the client.
    public static func request(id: RequestID, _ method: String, _ params: JSONObject) -> JSONValue {
        ["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": .object(params)]
    }
}
