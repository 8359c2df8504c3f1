import Store
import Tools
import JSON

/// What a method answers with: a JSON object, or a tool's output, which is written straight to
/// the response line without first being built into a JSON tree.
enum MethodResult: Sendable {
    case object(JSONObject)
    case tool(ToolOutput)

    /// Appends the result's JSON text.
    func write(to out: inout JSONWriter) {
        switch self {
        case .object(let object): out.write(.object(object))
        case .tool(let output): output.writeResult(to: &out)
        }
    }

    /// The result as a JSON value (for batches, which are rare).
    var json: JSONValue {
        switch self {
        case .object(let object): .object(object)
        case .tool(let output): .object(output.resultJSON)
        }
    }
}
