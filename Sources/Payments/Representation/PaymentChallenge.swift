import JSON
public import HTTP

/// What a 402 response offers: every offer of every protocol it carries, the server's own
/// reason, and, when nothing in it is payable by any protocol, why.
public struct PaymentChallenge: Sendable, Equatable {
    /// The offers, x402 first (v2, else v1), then MPP, each protocol in the server's order.
    public var offers: [PaymentOffer]
    /// The server's message (`error` of an x402 document, MPP problem title/detail, or body text).
    public var serverReason: String?
    /// Problems reading the response (a malformed header, a challenge without `request`…).
    public var problems: [String]

    /// Reads `response` (a 402). Never throws: what cannot be read is listed in `problems`.
    public init(response: HTTPResponse) {
        var offers: [PaymentOffer] = []
        var problems: [String] = []
        var reason: String?
        let body = (try? JSONValue.parse(response.body))?.objectValue
        if let header = response.header(PaymentHeaders.paymentRequired) {
            switch X402Representation.readV2(header: header) {
            case .success(let document):
                offers += X402Representation.offersV2(document)
                reason = document["error"]?.stringValue
            case .failure(let problem):
                problems.append(problem.message)
            }
        } else if let body, body["x402Version"]?.integerValue == 1 {
            offers += X402Representation.offersV1(body)
            reason = body["error"]?.stringValue
        }
        let challenges = MPPChallengeParser.challenges(in: response.headers.values(for: PaymentHeaders.wwwAuthenticate))
        for challenge in challenges {
            switch MPPRepresentation.offer(challenge, index: offers.count) {
            case .success(let offer): offers.append(offer)
            case .failure(let problem): problems.append(problem.message)
            }
        }
        if reason == nil, let problem = body.flatMap(MPPRepresentation.problemReason) { reason = problem }
        if reason == nil, let message = body?["message"]?.stringValue ?? body?["error"]?.stringValue { reason = message }
        if reason == nil, body == nil, !response.body.isEmpty {
            reason = String(response.text.prefix(200))
        }
        self.offers = offers
        self.problems = problems
        serverReason = reason
    }

    /// A sentence for a 402 nothing in which can be paid by any protocol.
    public var notPayableExplanation: String {
        var text = "The server answered 402 Payment Required but offered no payment challenge this client can read "
            + "(no PAYMENT-REQUIRED header, no x402 JSON body, no WWW-Authenticate: Payment challenge), so nothing was paid."
        if let serverReason { text += " The server says: \"\(serverReason)\"." }
        if !problems.isEmpty { text += " Problems: " + problems.joined(separator: "; ") + "." }
        text += " This is typically an account that needs credits topped up or an API key; it cannot be paid per request."
        return text
    }
}
