public import Crypto
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
}
