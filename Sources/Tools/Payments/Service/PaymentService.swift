public import Store
public import JSON
public import HTTP
public import Payments
public import Crypto

/// Payments: `make_payment`'s negotiation with its journal and budget, quotes, discovery and
/// approval. The tools are thin shells over this; the policy comes from the person only.
public struct PaymentService: Sendable {
    /// The store (journal, budget, sandbox ledger).
    let store: Store
    /// The agents' wallets.
    let wallets: WalletService
    /// The policy in force, or why it cannot be read.
    let policy: Result<PaymentPolicy, PolicyConfigurationError>
    /// How requests leave the process.
    let transport: any HTTPTransport
    /// The clock.
    let clock: WallClock
    /// Nonces and payment ids.
    let random: RandomBytes
    /// Waits for 429 backoff.
    let sleep: @Sendable (Duration) async throws -> Void
    /// The test hook's crash point, if set.
    let crashPoint: PaymentCrashPoint?

    /// A service over these dependencies.
    public init(store: Store, wallets: WalletService, policy: Result<PaymentPolicy, PolicyConfigurationError>, transport: any HTTPTransport,
                clock: WallClock, random: RandomBytes, sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                crashPoint: PaymentCrashPoint? = nil) {
        self.store = store
        self.wallets = wallets
        self.policy = policy
        self.crashPoint = crashPoint
        self.transport = crashPoint.map { CrashingTransport(base: transport, point: $0) } ?? transport
        self.clock = clock
        self.random = random
        self.sleep = sleep
    }

    /// The journal.
    public var journal: PaymentJournal { PaymentJournal(store: store) }

    /// Now, Unix seconds.
    var now: Int64 { Int64(clock.now().timeIntervalSince1970.rounded(.down)) }

    /// `now` as RFC 3339.
    var timestamp: String { RFC3339.format(secondsSince1970: now) }

    /// The UTC day of `seconds`, `YYYY-MM-DD`.
    static func day(_ seconds: Int64) -> String { String(RFC3339.format(secondsSince1970: seconds).prefix(10)) }

    /// The policy, or `not_configured` naming the setting to fix.
    public func currentPolicy() throws -> PaymentPolicy {
        switch policy {
        case .success(let policy): return policy
        case .failure(let error):
            throw ToolFailure(code: .notConfigured, message: "payments are off until the server's policy is fixed: \(error.message)")
        }
    }

    /// The negotiator over the transport.
    var negotiator: PaymentNegotiator {
        let clock = clock
        return PaymentNegotiator(transport: transport, clock: { Int64(clock.now().timeIntervalSince1970.rounded(.down)) }, sleep: sleep)
    }

    /// `payment_policy`: the policy and what is left of today's budget.
    public func policyReport() throws -> JSONObject {
        let policy = try currentPolicy()
        let day = Self.day(now)
        let totals = try journal.counted(on: day)
        let left = policy.dailyBudgetAtomic > totals.counted ? policy.dailyBudgetAtomic - totals.counted : 0
        return ["policy": .object(policy.json),
                "today": ["day": .string(day), "counted_atomic": .string(String(totals.counted)), "settled_atomic": .string(String(totals.settled)),
                          "remaining_atomic": .string(String(left)), "remaining": .string(USDCUnits.decimal(left))],
                "note": "Set by the person who starts the server (--max-payment, --daily-budget, --allow-host, --payment-network, --approve-above); no tool can change it. counted includes payments whose outcome is unknown."]
    }

    /// The journal record `id` as tools show it.
    public func get(_ id: String) throws -> JSONObject {
        guard let record = try journal.record(id) else {
            throw ToolFailure(code: .notFound, message: "no payment \(id); payment_list shows the journal", details: ["field": "payment_id"])
        }
        return record.publicJSON
    }
}
