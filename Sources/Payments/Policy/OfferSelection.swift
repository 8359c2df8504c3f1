public import JSON

/// The policy's verdict on every offer of a 402 and the one it picks: the first, in the
/// server's order, that passes every rule (as the SDKs pick `accepts[0]` of what they can pay).
public struct OfferSelection: Sendable, Equatable {
    /// One offer and whether it passes.
    public struct Verdict: Sendable, Equatable {
        /// The offer.
        public var offer: PaymentOffer
        /// Checked, or the rule it breaks.
        public var result: Result<CheckedOffer, PolicyViolation>
    }

    /// Every offer with its verdict.
    public var verdicts: [Verdict]
    /// The offer picked, if any passes.
    public var chosen: CheckedOffer?

    /// Why nothing is paid when `chosen` is nil: the first supported offer's violation, or, when
    /// nothing offered is supported, `unsupported` listing what was offered.
    public var refusal: PolicyViolation? {
        guard chosen == nil else { return nil }
        let violations = verdicts.compactMap { verdict -> PolicyViolation? in
            if case .failure(let violation) = verdict.result { violation } else { nil }
        }
        if let first = violations.first(where: { $0.rule != .unsupported }) { return first }
        let offered = verdicts.map { verdict in
            let offer = verdict.offer
            return "\(offer.paymentProtocol.rawValue) \(offer.scheme)\(offer.intent.map { "/\($0)" } ?? "") on \(offer.network ?? "no network")"
        }
        return PolicyViolation(.unsupported, "none of the offers can be paid: offered \(offered.joined(separator: "; ")); supported: \(PaymentPolicy.supportedDescription)")
    }

    /// The verdicts as `payment_quote` shows them.
    public var json: [JSONValue] {
        verdicts.map { verdict in
            var object = verdict.offer.json
            switch verdict.result {
            case .success: object["payable"] = true
            case .failure(let violation):
                object["payable"] = false
                object["refused"] = .object(violation.json)
            }
            return .object(object)
        }
    }
}

extension PaymentPolicy {
    /// Checks every offer of `challenge` for `request`; with `spentToday`, the daily budget too.
    public func select(_ challenge: PaymentChallenge, for request: PaymentRequestContext, spentToday: UInt64?) -> OfferSelection {
        var verdicts: [OfferSelection.Verdict] = []
        var chosen: CheckedOffer?
        for offer in challenge.offers {
            var result = check(offer, for: request)
            if case .success(let checked) = result, let spentToday, let violation = budgetViolation(amount: checked.amount, spentToday: spentToday) {
                result = .failure(violation)
            }
            if chosen == nil, case .success(let checked) = result { chosen = checked }
            verdicts.append(OfferSelection.Verdict(offer: offer, result: result))
        }
        return OfferSelection(verdicts: verdicts, chosen: chosen)
    }
}
