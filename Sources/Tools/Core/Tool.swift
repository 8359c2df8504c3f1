import Store
import JSON

/// One MCP tool: its name, description, schemas and annotations beside its handler.
///
/// A tool is declared once, in one file, and listed in `ToolCatalog`; `tools/list`, the README's
/// tool table and `manifests/tools.json` are all generated from these declarations.
public protocol Tool: Sendable {
    /// The decoded, validated arguments.
    associatedtype Arguments: ToolArguments

    /// The wire name, `^[a-zA-Z0-9_-]{1,64}$` (model APIs reject dots).
    static var name: String { get }
    /// A short human-readable name.
    static var title: String { get }
    /// What the tool does and when to use it, written for a model.
    static var description: String { get }
    /// Hints for hosts about side effects.
    static var annotations: ToolAnnotations { get }
    /// The group the tool belongs to, for `--toolsets`.
    static var toolset: Toolset { get }
    /// The shape of `structuredContent` on success, if the tool returns structured content.
    static var outputSchema: JSONSchema? { get }
    /// Where the handler runs; `.pooled` unless it provably never blocks.
    static var execution: ToolExecution { get }
    /// Whether a client may run the tool as an MCP task (`execution.taskSupport`); forbidden unless it says.
    static var taskSupport: TaskSupport { get }

    /// Runs the tool. Throw a `ToolFailure` for anything the model can fix or should know;
    /// any other error is reported as an internal error.
    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput
}

extension Tool {
    public static var outputSchema: JSONSchema? { nil }
    public static var execution: ToolExecution { .pooled }
    public static var taskSupport: TaskSupport { .forbidden }
}

/// Whether a tool may be called as an MCP task (`Tool.execution.taskSupport`, spec 2025-11-25).
public enum TaskSupport: String, Sendable {
    /// Only as a plain call (the default).
    case forbidden
    /// As a plain call or as a task.
    case optional
    /// Only as a task.
    case required
}

/// A tool whose handler never suspends: it runs on the thread that read the request, with no
/// task, and cannot be cancelled midway. For fast in-memory work only.
public protocol SynchronousTool: Tool {
    /// Runs the tool.
    func run(_ arguments: Arguments, context: ToolContext) throws -> ToolOutput
}

extension SynchronousTool {
    public func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        try run(arguments, context: context)
    }

    public static var execution: ToolExecution { .inline }

    /// `run` with the arguments still as JSON (decoded and validated here).
    func runErased(_ arguments: JSONObject, context: ToolContext) throws -> ToolOutput {
        try run(try AnyTool.decode(Self.self, arguments), context: context)
    }
}

/// Where a tool's handler runs.
public enum ToolExecution: Sendable {
    /// On the cooperative pool: for anything that may block (files, locks, network).
    case pooled
    /// Started on the thread that read the request and run there until it first suspends: for
    /// handlers that only compute in memory. Saves a thread hop per call.
    case inline
}

/// The arguments of a tool: decoded from the call's JSON after it passed `schema`.
public protocol ToolArguments: Decodable, Sendable {
    /// The input schema; its root is an object.
    static var schema: JSONSchema { get }
    /// Checks rules the schema cannot express; throw `ToolInputError` saying what to change.
    func validate() throws(ToolInputError)
}

extension ToolArguments {
    public func validate() throws(ToolInputError) {}
}

/// Arguments of a tool that takes none.
public struct NoArguments: ToolArguments {
    public static let schema = JSONSchema.object()
    public init() {}
}

/// A problem with a tool's arguments that the model can fix; rendered as an `isError` result.
public struct ToolInputError: Error, Sendable, Equatable {
    /// What is wrong and what to change, naming the field.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
}

/// MCP tool annotations: hints for hosts, never trusted for security.
public struct ToolAnnotations: Sendable, Equatable {
    /// The tool does not change its environment.
    public var readOnly: Bool
    /// The tool may destroy or irreversibly change data (only meaningful when not read-only).
    public var destructive: Bool
    /// Calling again with the same arguments has no further effect.
    public var idempotent: Bool
    /// The tool talks to systems outside this server (network, chains).
    public var openWorld: Bool

    /// Creates annotations.
    public init(readOnly: Bool, destructive: Bool, idempotent: Bool, openWorld: Bool) {
        self.readOnly = readOnly
        self.destructive = destructive
        self.idempotent = idempotent
        self.openWorld = openWorld
    }

    /// A tool that only reads local data.
    public static let localRead = ToolAnnotations(readOnly: true, destructive: false, idempotent: true, openWorld: false)
}

/// The groups of tools a session can expose (`--toolsets`).
public enum Toolset: String, Sendable, CaseIterable, Comparable {
    /// Server health and configuration; always exposed.
    case core
    /// Agents, services, requests, offers, deals, messages.
    case marketplace
    /// Knowledge search and cards.
    case knowledge
    /// Dispatched research runs.
    case runs
    /// Wallets, balances and payments.
    case wallet

    /// The toolsets a user can choose (core is always on).
    public static let selectable: [Toolset] = [.marketplace, .knowledge, .runs, .wallet]

    public static func < (lhs: Toolset, rhs: Toolset) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
