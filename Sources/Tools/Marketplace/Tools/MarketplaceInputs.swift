import Store
import JSON

/// Input schema pieces the marketplace tools share.
enum MarketplaceInputs {
    /// `schema_version`.
    static let schemaVersion = JSONSchema.string("The TAK schema version; tak/0.1 (the default) is the only one supported.", minLength: 1, maxLength: 32)
    /// `idempotency_key`, optional.
    static let idempotencyKey = JSONSchema.string(
        "A unique string you make up for this intended action (a UUID is fine). If the call fails or times out, retry with the SAME key: you get the first result back and nothing happens twice. Use a new key for a new action.",
        minLength: 1, maxLength: 255)
    /// An id of `kind`, described as `role`.
    static func id(_ kind: MarketplaceID, _ role: String) -> JSONSchema {
        .string("\(role), e.g. \(kind.rawValue)_3f9a0c12be47.", minLength: 1, maxLength: 128, pattern: "^[A-Za-z0-9_.:-]+$")
    }
    /// A price in nano-USDC.
    static func nano(_ description: String) -> JSONSchema {
        .integer("\(description) Integer nano-USDC: 1 USDC = 1000000000 nano; payable amounts are whole multiples of 1000 nano (1 USDC atomic unit).",
                 in: 0...Int64.max)
    }
    /// `cursor`.
    static let cursor = JSONSchema.string("The next_cursor of the previous page; leave out for the first page.", minLength: 1, maxLength: 64)
    /// `limit`.
    static let limit = JSONSchema.integer("Items per page, 1-100 (default 50).", in: 1...100)

    /// The page size for `limit`.
    static func pageSize(_ limit: Int?) -> Int { limit ?? 50 }
}

/// The arguments of a tool that changes the marketplace: they carry `schema_version` and
/// `idempotency_key`, and encode to the JSON their idempotency fingerprint is taken from.
protocol MarketplaceMutationArguments: ToolArguments, Encodable {
    /// The requested TAK schema version, if given.
    var schema_version: String? { get }
    /// The caller's idempotency key, if given.
    var idempotency_key: String? { get }
}

extension MarketplaceMutationArguments {
    /// Checks the schema version and makes the idempotency request of this call to `tool` by `actor`.
    func idempotency(for tool: String, actor: MarketplaceActor) throws -> IdempotencyRequest {
        let version = try SchemaVersion.resolve(schema_version)
        return IdempotencyRequest(tool: tool, key: idempotency_key, arguments: try JSONValue(encoding: self), schemaVersion: version, actor: actor)
    }
}

extension ToolAnnotations {
    /// A marketplace change: local, not idempotent without a key.
    static func marketplaceChange(destructive: Bool) -> ToolAnnotations {
        ToolAnnotations(readOnly: false, destructive: destructive, idempotent: false, openWorld: false)
    }
}

/// A marketplace tool that only reads: in the marketplace toolset, annotated as a local read.
protocol MarketplaceQueryTool: Tool {}

extension MarketplaceQueryTool {
    static var annotations: ToolAnnotations { .localRead }
    static var toolset: Toolset { .marketplace }
}

/// A marketplace tool that changes the store. Its `call` is handed the marketplace and the
/// idempotency request, made after the schema version was checked, so every change is keyed
/// the same way.
protocol MarketplaceMutationTool: Tool where Arguments: MarketplaceMutationArguments {
    /// Whether the change may destroy data; false unless the tool says so.
    static var destructive: Bool { get }

    /// Runs the change as `market.actor`, under `idempotency`.
    func call(_ arguments: Arguments, market: Marketplace, idempotency: IdempotencyRequest, context: ToolContext) async throws -> ToolOutput
}

extension MarketplaceMutationTool {
    static var destructive: Bool { false }
    static var annotations: ToolAnnotations { .marketplaceChange(destructive: destructive) }
    static var toolset: Toolset { .marketplace }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ToolOutput {
        let market = context.environment.marketplace
        let idempotency = try arguments.idempotency(for: Self.name, actor: market.actor)
        return try await call(arguments, market: market, idempotency: idempotency, context: context)
    }
}
