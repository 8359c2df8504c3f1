import Store
import JSON

/// What a deal is about, fixed when it is created from an accepted offer and never changed:
/// the request, the offer, the parties, the price and the words of both.
public struct DealTerms: Sendable, Equatable {
    /// `deal_…`.
    public let id: String
    /// The request it settles.
    public let requestID: String
    /// The accepted offer it was made from.
    public let offerID: String
    /// The buyer: the requester, who pays.
    public let payerAgentID: String
    /// The seller: the offer's provider, who is paid.
    public let payeeAgentID: String
    /// The price in nano-USDC, from the offer.
    public let amountNano: Int64
    /// The request's words.
    public let serviceQuery: String
    /// The offer's terms.
    public let offerTerms: String
    /// RFC 3339 creation time.
    public let createdAt: String

    /// Terms from their parts.
    public init(id: String, requestID: String, offerID: String, payerAgentID: String, payeeAgentID: String, amountNano: Int64,
                serviceQuery: String, offerTerms: String, createdAt: String) {
        self.id = id
        self.requestID = requestID
        self.offerID = offerID
        self.payerAgentID = payerAgentID
        self.payeeAgentID = payeeAgentID
        self.amountNano = amountNano
        self.serviceQuery = serviceQuery
        self.offerTerms = offerTerms
        self.createdAt = createdAt
    }

    /// The terms of `offer` on `request`, for a new deal `id`.
    public init(id: String, request: RequestRecord, offer: OfferRecord, createdAt: String) {
        self.init(id: id, requestID: request.id, offerID: offer.id, payerAgentID: request.requesterAgentID,
                  payeeAgentID: offer.providerAgentID, amountNano: offer.priceNano, serviceQuery: request.serviceQuery,
                  offerTerms: offer.terms, createdAt: createdAt)
    }

    /// Reads the terms from a stored deal; nil if damaged.
    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let requestID = json["request_id"]?.stringValue,
              let offerID = json["offer_id"]?.stringValue, let payer = json["payer_agent_id"]?.stringValue,
              let payee = json["payee_agent_id"]?.stringValue, let amount = json["amount_nano"]?.integerValue,
              let createdAt = json["created_at"]?.stringValue else { return nil }
        self.init(id: id, requestID: requestID, offerID: offerID, payerAgentID: payer, payeeAgentID: payee, amountNano: amount,
                  serviceQuery: json["service_query"]?.stringValue ?? "", offerTerms: json["terms"]?.stringValue ?? "",
                  createdAt: createdAt)
    }

    /// Whether `agentID` is the payer or the payee.
    public func isParty(_ agentID: String) -> Bool { agentID == payerAgentID || agentID == payeeAgentID }

    /// The USDC atomic units to settle.
    public var amountAtomic: UInt64 { NanoAmount.atomicUnits(amountNano) }
}
