import Foundation
import Store
import Tools

/// Tools that exist only in tests: slow, progress-reporting, failing.
enum TestTools {
    static let catalog = ToolCatalog(
        tools: ToolCatalog.standard.tools + [AnyTool(SlowTool()), AnyTool(EchoTool()), AnyTool(CrashTool()), AnyTool(AskTool())],
        resources: ToolCatalog.standard.resources,
        resourceTemplates: ToolCatalog.standard.resourceTemplates,
        prompts: ToolCatalog.standard.prompts)
}

/// Waits `milliseconds`, reporting progress every 10 ms, until done or cancelled.
struct SlowTool: Tool {
    struct Arguments: ToolArguments {
        var milliseconds: Int
        static let schema = JSONSchema.object(properties: ["milliseconds": .integer("How long.", in: 0...60_000)], required: ["milliseconds"])
    }
    static let name = "test_slow"
    static let title = "Slow"
    static let description = "Sleeps."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.core

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        var elapsed = 0
        while elapsed < arguments.milliseconds {
            try await Task.sleep(nanoseconds: 10_000_000)
            elapsed += 10
            context.progress.report(Double(elapsed), total: Double(arguments.milliseconds), message: "waited \(elapsed) ms")
        }
        return .text("slept \(arguments.milliseconds) ms")
    }
}

/// Echoes its arguments as structured content; `fail` makes it throw a ToolFailure.
struct EchoTool: Tool {
    struct Arguments: ToolArguments {
        var text: String
        var count: Int?
        var fail: Bool?
        var tags: [String]?
        static let schema = JSONSchema.object(properties: [
            "text": .string("Text to echo.", minLength: 1, maxLength: 20),
            "count": .integer("Times.", in: 1...5),
            "fail": .boolean("Fail on purpose."),
            "tags": .array("Tags.", of: .string("A tag.", pattern: "^[a-z]+$"), maxItems: 3),
        ], required: ["text"])
        func validate() throws(ToolInputError) {
            if text == "forbidden" { throw ToolInputError("`text` must not be \"forbidden\"; choose another word") }
        }
    }
    static let name = "test_echo"
    static let title = "Echo"
    static let description = "Echoes."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.core
    static let outputSchema: JSONSchema? = .object(properties: ["text": .string("The text.")], required: ["text"])

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        if arguments.fail == true { throw ToolFailure(code: "not_found", message: "nothing called \(arguments.text)") }
        context.log(.warning, "echoing \(arguments.text)")
        return .structured(["text": .string(String(repeating: arguments.text, count: arguments.count ?? 1))])
    }
}

/// Throws an unexpected error: the protocol layer must answer -32603 and keep going.
struct CrashTool: Tool {
    typealias Arguments = NoArguments
    struct Boom: Error {}
    static let name = "test_crash"
    static let title = "Crash"
    static let description = "Throws."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.wallet
    func call(_ arguments: NoArguments, context: ToolContext) async throws -> ToolOutput { throw Boom() }
}

/// Asks the person to confirm, through elicitation.
struct AskTool: Tool {
    typealias Arguments = NoArguments
    static let name = "test_ask"
    static let title = "Ask"
    static let description = "Asks."
    static let annotations = ToolAnnotations.localRead
    static let toolset = Toolset.core
    func call(_ arguments: NoArguments, context: ToolContext) async throws -> ToolOutput {
        guard context.elicitation.isSupported else { return .text("cannot ask") }
        let answer = try await context.elicitation.ask("Approve?", schema: .object(properties: ["ok": .boolean("Approve it.")], required: ["ok"]))
        switch answer {
        case .accept(let content): return .text("accepted \(JSONValue.object(content).jsonText)")
        case .decline: return .text("declined")
        case .cancel: return .text("cancelled")
        }
    }
}
