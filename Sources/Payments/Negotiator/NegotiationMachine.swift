public import HTTP

/// The negotiation as a pure state machine: it is fed what happened and answers what to do
/// next; a shell (`PaymentNegotiator`) performs the I/O. Request → 402 → read the offers →
/// prepare (policy, budget, signature: the shell's) → one paid retry → settled, failed, replay,
/// backoff on 429, or unknown.
public struct NegotiationMachine: Sendable {
    /// What the shell must do next.
    public enum Action: Sendable {
        /// Send this request (the unpaid one, or the paid retry).
        case send(HTTPRequest)
        /// Check the offers against the policy, reserve the budget and sign; answer with
        /// `.prepared`, `.refused` or `.awaitingApproval`.
        case prepare(PaymentChallenge)
        /// Wait, then answer `.waited`.
        case wait(Duration)
        /// Done.
        case finish(NegotiationResult)
    }

    /// What happened.
    public enum Event: Sendable {
        /// Begin with the unpaid request.
        case start
        /// Begin by re-sending a credential signed earlier for the same idempotency key.
        case resume(PaymentCredential)
        /// A response arrived.
        case response(HTTPResponse)
        /// The transport failed; `mayHaveReachedServer` says whether the request may have been
        /// delivered (a timeout or a dropped connection) or certainly was not (refused, no route).
        case transportFailure(reason: String, mayHaveReachedServer: Bool)
        /// The credential to send.
        case prepared(PaymentCredential)
        /// The policy refused.
        case refused(PolicyViolation, OfferSelection?)
        /// The payment needs a person's approval first.
        case awaitingApproval(PolicyViolation, OfferSelection?)
        /// The wait is over.
        case waited
    }

    /// Where the machine is.
    enum State: Sendable {
        case idle
        case awaitingChallenge
        case preparing(PaymentChallenge, HTTPResponse)
        case awaitingPaidResponse(PaymentCredential)
        case backingOff(PaymentCredential)
        case finished
    }

    /// The request being made (without any payment header).
    public let request: HTTPRequest
    /// The `Idempotency-Key` sent with the paid retry.
    public let idempotencyKey: String
    /// The 429 limits.
    public let backoff: BackoffPolicy
    /// Now (Unix seconds), for `Retry-After` dates.
    public var now: Int64
    /// The state.
    private(set) var state: State = .idle
    /// Paid sends so far.
    private(set) var paidAttempts = 0
    /// 429s waited out so far.
    private var backoffs = 0
    /// The verdicts, once prepared.
    private var selection: OfferSelection?

    /// A machine for `request`.
    public init(request: HTTPRequest, idempotencyKey: String, backoff: BackoffPolicy = BackoffPolicy(), now: Int64) {
        self.request = request
        self.idempotencyKey = idempotencyKey
        self.backoff = backoff
        self.now = now
    }

    /// The paid retry: the request with the credential and the idempotency key.
    func paidRequest(_ credential: PaymentCredential) -> HTTPRequest {
        var paid = request
        paid.headers.replace(credential.headerName, with: credential.headerValue)
        paid.headers.replace(PaymentHeaders.idempotencyKey, with: idempotencyKey)
        return paid
    }

    /// The next action after `event`.
    public mutating func next(_ event: Event) -> Action {
        switch (state, event) {
        case (.idle, .start):
            state = .awaitingChallenge
            return .send(request)
        case (.idle, .resume(let credential)), (.preparing, .prepared(let credential)):
            return sendPaid(credential)
        case (.awaitingChallenge, .response(let response)):
            guard response.status == 402 else { return finish(NegotiationResult(state: .free, response: response)) }
            let challenge = PaymentChallenge(response: response)
            guard !challenge.offers.isEmpty else {
                return finish(NegotiationResult(state: .notPayable, response: response, reason: challenge.notPayableExplanation))
            }
            state = .preparing(challenge, response)
            return .prepare(challenge)
        case (.awaitingChallenge, .transportFailure(let reason, _)):
            return finish(NegotiationResult(state: .unreachable, reason: reason))
        case (.preparing(_, let response), .refused(let violation, let selection)):
            return finish(NegotiationResult(state: .refused, response: response, reason: violation.message, violation: violation, selection: selection))
        case (.preparing(_, let response), .awaitingApproval(let violation, let selection)):
            return finish(NegotiationResult(state: .awaitingApproval, response: response, reason: violation.message, violation: violation, selection: selection))
        case (.awaitingPaidResponse(let credential), .response(let response)):
            return paidResponse(response, credential: credential)
        case (.awaitingPaidResponse, .transportFailure(let reason, let reached)):
            if reached {
                return finish(NegotiationResult(state: .unknown, reason: "the payment was sent but no complete answer came back (\(reason)); it may or may not have been taken", paidAttempts: paidAttempts))
            }
            return finish(NegotiationResult(state: .failed, reason: "the paid request could not be delivered (\(reason)); the payment was not sent", paidAttempts: paidAttempts))
        case (.backingOff(let credential), .waited):
            return sendPaid(credential)
        default:
            return finish(NegotiationResult(state: .unknown, reason: "internal: unexpected event \(event) in state \(state)", paidAttempts: paidAttempts))
        }
    }

    /// Sends the paid retry.
    private mutating func sendPaid(_ credential: PaymentCredential) -> Action {
        paidAttempts += 1
        state = .awaitingPaidResponse(credential)
        return .send(paidRequest(credential))
    }

    /// Classifies the answer to a paid request.
    private mutating func paidResponse(_ response: HTTPResponse, credential: PaymentCredential) -> Action {
        let receipt = NegotiationResult.receipt(of: response)
        switch response.status {
        case 200..<300:
            return finish(NegotiationResult(state: .settled, response: response, receipt: receipt, paidAttempts: paidAttempts))
        case 402:
            let challenge = PaymentChallenge(response: response)
            let reason = challenge.serverReason.map { "the server refused the payment: \($0)" } ?? "the server answered 402 again: it refused the payment"
            return finish(NegotiationResult(state: .failed, response: response, reason: reason, receipt: receipt, paidAttempts: paidAttempts))
        case 409, 403:
            return finish(NegotiationResult(state: .replay, response: response, reason: "the server says this payment credential was already used (HTTP \(response.status)); an earlier attempt may have paid", receipt: receipt, paidAttempts: paidAttempts))
        case 429:
            let delay = backoff.delay(retryAfter: response.header("Retry-After"), now: now)
            guard backoffs < backoff.maxRetries, delay <= backoff.maxDelay else {
                return finish(NegotiationResult(state: .unknown, response: response, reason: "the server kept answering 429 Too Many Requests after the payment was sent; it may take it later while the authorization is valid", paidAttempts: paidAttempts))
            }
            backoffs += 1
            state = .backingOff(credential)
            return .wait(delay)
        case 500..<600:
            return finish(NegotiationResult(state: .unknown, response: response, reason: "the server failed (HTTP \(response.status)) after the payment was sent; it may or may not have been taken", receipt: receipt, paidAttempts: paidAttempts))
        default:
            let problem = PaymentChallenge(response: response).serverReason
            return finish(NegotiationResult(state: .failed, response: response, reason: "the server refused the paid request with HTTP \(response.status)" + (problem.map { ": \($0)" } ?? ""), receipt: receipt, paidAttempts: paidAttempts))
        }
    }

    /// Ends the negotiation.
    private mutating func finish(_ result: NegotiationResult) -> Action {
        state = .finished
        var result = result
        if result.selection == nil { result.selection = selection }
        return .finish(result)
    }

    /// Records the verdicts for the result.
    public mutating func record(_ selection: OfferSelection?) { self.selection = selection }
}
