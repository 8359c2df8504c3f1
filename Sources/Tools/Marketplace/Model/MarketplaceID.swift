/// Record ids: a prefix, an underscore and 12 lowercase hex digits from the injected random
/// source, e.g. `ag_3f9a0c12be47`.
public enum MarketplaceID: String, Sendable, CaseIterable {
    /// Agents.
    case agent = "ag"
    /// Services.
    case service = "svc"
    /// Requests.
    case request = "req"
    /// Offers.
    case offer = "off"
    /// Deals.
    case deal = "deal"
    /// Messages.
    case message = "msg"

    /// A new id of this kind.
    public func make(using random: RandomBytes) throws(RandomBytesError) -> String {
        rawValue + "_" + Hex.encode(try random.bytes(6), prefix: false)
    }

    /// The schema pattern of ids of this kind (any 1-64 id characters after the prefix, so ids
    /// from other TAK servers such as `ag_data_001` are accepted too).
    public var pattern: String { "^\(rawValue)_[A-Za-z0-9_-]{1,64}$" }
}
