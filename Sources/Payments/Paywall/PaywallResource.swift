public import JSON

/// One resource the paywall serves: where, for how much, through which protocols, and how it
/// behaves when paid (the fault behaviours let tests and newcomers see every outcome).
public struct PaywallResource: Sendable {
    /// How the resource answers a valid payment.
    public enum Behaviour: Sendable, Equatable {
        /// Settles and answers 200.
        case normal
        /// Settles, then drops the connection without answering the first time a credential is
        /// used; with `remembersIdempotencyKeys` a retry with the same `Idempotency-Key` gets the
        /// stored answer, else the reused nonce gets 409.
        case dropsFirstAnswer(remembersIdempotencyKeys: Bool)
        /// Answers the first paid attempt of each credential with 429 and `Retry-After: 1`.
        case busyOnce
        /// Advertises a foreign EIP-712 domain (a client must refuse to sign).
        case wrongDomain
        /// Answers 402 with a JSON body and no challenge ("top up credits").
        case notPayable
    }

    /// The path, e.g. `/x402/v2/joke`.
    public var path: String
    /// What it is, for the index and the offers' description.
    public var title: String
    /// The price in atomic USDC units; 0 for a free resource.
    public var priceAtomic: UInt64
    /// The protocols offered, in order.
    public var protocols: [PaymentProtocol]
    /// The JSON answered once paid.
    public var content: JSONValue
    /// How it behaves.
    public var behaviour: Behaviour

    /// A resource.
    public init(path: String, title: String, priceAtomic: UInt64, protocols: [PaymentProtocol], content: JSONValue, behaviour: Behaviour = .normal) {
        self.path = path
        self.title = title
        self.priceAtomic = priceAtomic
        self.protocols = protocols
        self.content = content
        self.behaviour = behaviour
    }

    /// The demo catalog: one joke per protocol, one behind all three, and a resource per outcome.
    public static let demo: [PaywallResource] = [
        PaywallResource(path: "/free/hello", title: "A free greeting", priceAtomic: 0, protocols: [], content: ["hello": "no payment needed"]),
        PaywallResource(path: "/x402/v1/joke", title: "A joke, x402 v1", priceAtomic: 10_000, protocols: [.x402v1], content: joke),
        PaywallResource(path: "/x402/v2/joke", title: "A joke, x402 v2", priceAtomic: 10_000, protocols: [.x402v2], content: joke),
        PaywallResource(path: "/mpp/joke", title: "A joke, MPP", priceAtomic: 10_000, protocols: [.mpp], content: joke),
        PaywallResource(path: "/paid/joke", title: "A joke, x402 or MPP", priceAtomic: 10_000, protocols: [.x402v2, .x402v1, .mpp], content: joke),
        PaywallResource(path: "/paid/report", title: "A report above the default per-payment cap", priceAtomic: 500_000,
                        protocols: [.x402v2, .mpp], content: ["report": "the long version"]),
        PaywallResource(path: "/paid/wrong-domain", title: "An offer with a foreign EIP-712 domain", priceAtomic: 10_000,
                        protocols: [.x402v2], content: joke, behaviour: .wrongDomain),
        PaywallResource(path: "/paid/flaky", title: "Settles, then drops the first answer (remembers Idempotency-Key)", priceAtomic: 10_000,
                        protocols: [.x402v2, .mpp], content: joke, behaviour: .dropsFirstAnswer(remembersIdempotencyKeys: true)),
        PaywallResource(path: "/paid/flaky-replay", title: "Settles, then drops the first answer (a reused credential gets 409)", priceAtomic: 10_000,
                        protocols: [.x402v1], content: joke, behaviour: .dropsFirstAnswer(remembersIdempotencyKeys: false)),
        PaywallResource(path: "/paid/busy", title: "Answers 429 once, then settles", priceAtomic: 10_000, protocols: [.x402v2], content: joke,
                        behaviour: .busyOnce),
        PaywallResource(path: "/credits", title: "A 402 that wants account credits, not a payment", priceAtomic: 10_000, protocols: [],
                        content: nil, behaviour: .notPayable),
    ]

    /// The demo content.
    static let joke: JSONValue = ["joke": "There are 10 kinds of agents: those that read the 402 and those that pay twice."]
}
