public import HTTP

/// What the caller's preparation step decided for a 402.
public enum Preparation: Sendable {
    /// Send this credential.
    case credential(PaymentCredential, OfferSelection)
    /// Pay nothing, for this rule.
    case refused(PolicyViolation, OfferSelection?)
    /// Pay nothing until a person approves.
    case awaitingApproval(PolicyViolation, OfferSelection)
}

/// The shell around `NegotiationMachine`: sends what it asks through the transport, sleeps when
/// it asks, and hands 402s to the caller's `prepare` (policy, budget reservation, signature,
/// journal), so this type holds no state and does no bookkeeping of its own.
public struct PaymentNegotiator: Sendable {
    /// How requests leave the process.
    public var transport: any HTTPTransport
    /// Now, Unix seconds.
    public var clock: @Sendable () -> Int64
    /// Waits (injected so tests do not sleep).
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The 429 limits.
    public var backoff: BackoffPolicy

    /// A negotiator.
    public init(transport: any HTTPTransport, clock: @escaping @Sendable () -> Int64,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                backoff: BackoffPolicy = BackoffPolicy()) {
        self.transport = transport
        self.clock = clock
        self.sleep = sleep
        self.backoff = backoff
    }

    /// Makes `request`, paying on 402 through `prepare`; with `resume`, skips straight to
    /// re-sending that credential (a retry of a payment whose outcome is not known).
    public func run(_ request: HTTPRequest, idempotencyKey: String, resume: PaymentCredential? = nil,
                    prepare: (PaymentChallenge) async throws -> Preparation) async throws -> NegotiationResult {
        var machine = NegotiationMachine(request: request, idempotencyKey: idempotencyKey, backoff: backoff, now: clock())
        var action = machine.next(resume.map { .resume($0) } ?? .start)
        while true {
            switch action {
            case .finish(let result):
                return result
            case .send(let outgoing):
                let event: NegotiationMachine.Event
                do {
                    event = .response(try await transport.send(outgoing))
                } catch let error as HTTPTransportError {
                    event = .transportFailure(reason: error.message, mayHaveReachedServer: Self.mayHaveReachedServer(error))
                } catch is CancellationError {
                    event = .transportFailure(reason: "the call was cancelled while the request was in flight", mayHaveReachedServer: true)
                } catch {
                    event = .transportFailure(reason: "\(error)", mayHaveReachedServer: true)
                }
                machine.now = clock()
                action = machine.next(event)
            case .prepare(let challenge):
                switch try await prepare(challenge) {
                case .credential(let credential, let selection):
                    machine.record(selection)
                    action = machine.next(.prepared(credential))
                case .refused(let violation, let selection):
                    action = machine.next(.refused(violation, selection))
                case .awaitingApproval(let violation, let selection):
                    action = machine.next(.awaitingApproval(violation, selection))
                }
            case .wait(let delay):
                try? await sleep(delay)
                machine.now = clock()
                action = machine.next(.waited)
            }
        }
    }

    /// Whether a request that failed with `error` may have reached the server: only failures
    /// before any byte could be delivered (bad URL, no such host, refused) say it did not.
    public static func mayHaveReachedServer(_ error: HTTPTransportError) -> Bool {
        switch error.code {
        case .invalidURL, .unsupportedScheme, .invalidRequest, .nameResolutionFailed, .connectionRefused, .connectFailed,
             .connectTimeout, .pluginUnavailable:
            false
        default:
            true
        }
    }
}
