public import Store
import JSON
public import Crypto

/// The marketplace of TAK 0.1: agents, services, requests, offers, deals and messages in the
/// store, with idempotent changes, permissions for bound sessions, and deals that settle through
/// a `DealSettlement`. The tools are thin shells over it.
public struct Marketplace: Sendable {
    /// Where everything is kept.
    public let store: Store
    /// Who this session acts as.
    public let actor: MarketplaceActor
    /// Who approves deals.
    public let approvalMode: DealApprovalMode
    /// The clock.
    let clock: WallClock
    /// Randomness for ids.
    let random: RandomBytes
    /// How deals are paid.
    let settlement: any DealSettlement

    /// A marketplace over these services.
    public init(store: Store, actor: MarketplaceActor, approvalMode: DealApprovalMode, clock: WallClock, random: RandomBytes,
                settlement: any DealSettlement) {
        self.store = store
        self.actor = actor
        self.approvalMode = approvalMode
        self.clock = clock
        self.random = random
        self.settlement = settlement
    }

    /// Now, in whole Unix seconds.
    var nowSeconds: Int64 { Int64(clock.now().timeIntervalSince1970.rounded(.down)) }

    /// Runs `body` in one store transaction, after replaying `request`'s first response if it has
    /// one, and records the response under its key in the same transaction.
    func mutate(_ request: IdempotencyRequest, _ body: (MarketplaceTransaction) throws -> JSONObject) throws -> JSONObject {
        let now = RFC3339.format(secondsSince1970: nowSeconds)
        return try Self.guarded {
            try store.update { transaction in
                if let id = request.recordID,
                   let first = try Idempotency.replay(request, stored: transaction.get(collection: MarketplaceCollections.idempotency, id: id)) {
                    return first
                }
                let response = try body(MarketplaceTransaction(transaction: transaction, now: now, random: random))
                if let id = request.recordID {
                    try transaction.put(collection: MarketplaceCollections.idempotency, id: id,
                                        value: Idempotency.record(request, response: response, at: now))
                }
                return response
            }
        }
    }

    /// Runs `body`, turning store and system failures into `internal_error` results; nothing was
    /// committed when they happen.
    static func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ToolFailure {
            throw failure
        } catch let error as StoreError {
            throw ToolFailure.internalError("the local store failed: \(error.message) Nothing was changed; retry with the same idempotency_key.")
        } catch let error as RandomBytesError {
            throw ToolFailure.internalError("\(error); nothing was changed, retry with the same idempotency_key")
        }
    }
}
