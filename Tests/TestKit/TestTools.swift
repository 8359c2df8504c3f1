import Foundation
import Store
public import Tools
import JSON

/// Tools that exist only in tests: slow, progress-reporting, failing.
public enum TestTools {
    public static let catalog = ToolCatalog(
        tools: ToolCatalog.standard.tools + [AnyTool(SlowTool()), AnyTool(EchoTool()), AnyTool(CrashTool()), AnyTool(AskTool()), AnyTool(SampleTool())],
        resources: ToolCatalog.standard.resources,
        resourceTemplates: ToolCatalog.standard.resourceTemplates,
        prompts: ToolCatalog.standard.prompts)
}

/// Waits `milliseconds`, reporting progress every 10 ms, until done or cancelled.
public struct SlowTool: Tool {
    public struct Arguments: ToolArguments {
        public var milliseconds: Int
        public static let schema = JSONSchema.object(properties: ["milliseconds": .integer("How long.", in: 0...60_000)], required: ["milliseconds"])
    }
    public static let name = "test_slow"
    public static let title = "Slow"
    public static let description = "Sleeps."
    public static let annotations = ToolAnnotations.localRead
    public static let toolset = Toolset.core

    public func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
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
public struct EchoTool: Tool {
    public struct Arguments: ToolArguments {
        public var text: String
        public var count: Int?
        public var fail: Bool?
        public var tags: [String]?
        public static let schema = JSONSchema.object(properties: [
            "text": .string("Text to echo.", minLength: 1, maxLength: 20),
            "count": .integer("Times.", in: 1...5),
            "fail": .boolean("Fail on purpose."),
            "tags": .array("Tags.", of: .string("A tag.", pattern: "^[a-z]+$"), maxItems: 3),
        ], required: ["text"])
        public func validate() throws(ToolInputError) {
            if text == "forbidden" { throw ToolInputError("`text` must not be \"forbidden\"; choose another word") }
        }
    }
    public static let name = "test_echo"
    public static let title = "Echo"
    public static let description = "Echoes."
    public static let annotations = ToolAnnotations.localRead
    public static let toolset = Toolset.core
    public static let outputSchema: JSONSchema? = .object(properties: ["text": .string("The text.")], required: ["text"])

    public func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        if arguments.fail == true { throw ToolFailure(code: .notFound, message: "nothing called \(arguments.text)") }
        context.log(.warning, "echoing \(arguments.text)")
        return .structured(["text": .string(String(repeating: arguments.text, count: arguments.count ?? 1))])
    }
}

/// Throws an unexpected error: the protocol layer must answer -32603 and keep going.
public struct CrashTool: Tool {
    public typealias Arguments = NoArguments
    public struct Boom: Error {}
    public static let name = "test_crash"
    public static let title = "Crash"
    public static let description = "Throws."
    public static let annotations = ToolAnnotations.localRead
    public static let toolset = Toolset.wallet
    public func call(_ arguments: NoArguments, context: ToolContext) async throws -> ToolOutput { throw Boom() }
}

/// Asks the person to confirm, through elicitation.
public struct AskTool: Tool {
    public typealias Arguments = NoArguments
    public static let name = "test_ask"
    public static let title = "Ask"
    public static let description = "Asks."
    public static let annotations = ToolAnnotations.localRead
    public static let toolset = Toolset.core
    public func call(_ arguments: NoArguments, context: ToolContext) async throws -> ToolOutput {
        guard context.elicitation.isSupported else { return .text("cannot ask") }
        let answer = try await context.elicitation.ask("Approve?", schema: .object(properties: ["ok": .boolean("Approve it.")], required: ["ok"]))
        switch answer {
        case .accept(let content): return .text("accepted \(JSONValue.object(content).jsonText)")
        case .decline: return .text("declined")
        case .cancel: return .text("cancelled")
        }
    }
}

/// Asks the host's model to say something, when the client supports sampling.
public struct SampleTool: Tool {
    public static let name = "test_sample"
    public static let title = "Sample"
    public static let description = "Samples."
    public static let annotations = ToolAnnotations.localRead
    public static let toolset = Toolset.core
    public func call(_ arguments: NoArguments, context: ToolContext) async throws -> ToolOutput {
        guard context.sampling.isSupported else { return .text("cannot sample") }
        do {
            let reply = try await context.sampling.createMessage(SamplingRequest(
                messages: [.init(role: .user, text: "Say hello.")], systemPrompt: "Be brief.", maxTokens: 20, temperature: 0))
            return .text("\(reply.model) said \(reply.text)")
        } catch let error as SamplingUnavailable {
            return .text("unavailable: \(error.reason)")
        }
    }
}
