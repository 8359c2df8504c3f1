import Testing
@testable import Tools

/// The deal state machine, checked for every pair of states and every event against the seed's diagram.
@Suite struct DealStateMachineTests {
    /// The seed's transitions, written out independently of the implementation.
    static let seedEdges: Set<String> = [
        "awaiting_approval→approved", "approved→executed", "approved→failed", "awaiting_approval→cancelled",
    ]

    static let pairs = DealState.allCases.flatMap { from in DealState.allCases.map { (from, $0) } }

    @Test(arguments: pairs)
    func everyPairOfStates(from: DealState, to: DealState) {
        let expected = Self.seedEdges.contains("\(from.rawValue)→\(to.rawValue)")
        #expect(DealStateMachine.allows(from: from, to: to) == expected)
        #expect(DealStateMachine.allowedTargets(from: from).contains(to) == expected)
    }

    @Test(arguments: DealState.allCases)
    func everyEventFromEveryState(state: DealState) {
        for event in DealEvent.allCases {
            switch DealStateMachine.transition(from: state, event: event) {
            case .success(let target):
                #expect(target == event.target)
                #expect(Self.seedEdges.contains("\(state.rawValue)→\(target.rawValue)"))
            case .failure(let invalid):
                #expect(invalid.from == state)
                #expect(invalid.to == event.target)
                #expect(invalid.allowed == DealStateMachine.allowedTargets(from: state))
                #expect(!Self.seedEdges.contains("\(state.rawValue)→\(event.target.rawValue)"))
            }
        }
    }

    @Test func terminalStatesAndAllowedLists() {
        #expect(DealState.allCases.filter(\.isTerminal) == [.executed, .failed, .cancelled])
        #expect(DealStateMachine.allowedTargets(from: .awaitingApproval) == [.approved, .cancelled])
        #expect(DealStateMachine.allowedTargets(from: .approved) == [.executed, .failed])
        #expect(DealState.names == ["awaiting_approval", "approved", "executed", "failed", "cancelled"])
    }

    @Test func executeBeforeApproveNamesWhatIsAllowed() {
        let result = DealStateMachine.transition(from: .awaitingApproval, event: .executeSucceeded)
        #expect(result == .failure(InvalidTransition(from: .awaitingApproval, to: .executed, allowed: [.approved, .cancelled])))
    }

    @Test func recordMovesOnlyThroughTheMachineAndKeepsHistory() throws {
        let terms = DealTerms(id: "deal_1", requestID: "req_1", offerID: "off_1", payerAgentID: "ag_b", payeeAgentID: "ag_s",
                              amountNano: 1_500_000_000, serviceQuery: "q", offerTerms: "t", createdAt: "2026-02-20T10:30:00Z")
        var deal = DealRecord(terms: terms, createdBy: "operator")
        #expect(throws: InvalidTransition.self) { try deal.fail(at: "t1", by: "x", refusal: SettlementRefusal(code: FailureCode("c"), message: "m")) }
        try deal.approve(at: "2026-02-20T10:31:00Z", by: "ag_b")
        #expect(throws: InvalidTransition.self) { try deal.reject(at: "t2", by: "ag_b", reason: nil) }
        try deal.execute(at: "2026-02-20T10:31:30Z", by: "ag_b",
                         receipt: SettlementReceipt(transferID: "tx_deal_1", receiptID: "mcp_receipt_0123456789abcdef", details: ["a": 1]))
        #expect(throws: InvalidTransition.self) { try deal.approve(at: "t3", by: "ag_b") }
        #expect(deal.status == .executed)
        #expect(deal.history.map(\.event) == ["created", "approved", "executed"])
        #expect(deal.history.map(\.from) == [nil, .awaitingApproval, .approved])
        #expect(deal.terms == terms)
        let reread = try #require(DealRecord(json: .object(deal.json)))
        #expect(reread == deal)
    }
}

/// How a request's status follows its offers and deals.
@Suite struct RequestStatusTests {
    @Test(arguments: [
        (false, [], RequestStatus.open),
        (true, [], .accepted),
        (true, [.awaitingApproval], .accepted),
        (true, [.approved], .accepted),
        (true, [.executed], .closed),
        (true, [.cancelled], .closed),
        (true, [.failed], .closed),
        (true, [.cancelled, .failed], .closed),
        (true, [.cancelled, .awaitingApproval], .accepted),
        (true, [.failed, .executed], .closed),
    ] as [(Bool, [DealState], RequestStatus)])
    func derive(accepted: Bool, deals: [DealState], expected: RequestStatus) {
        #expect(RequestStatus.derive(hasAcceptedOffer: accepted, dealStates: deals) == expected)
    }

    @Test func offerStatuses() {
        #expect(OfferStatus.pending.allowedTargets == [.accepted, .rejected])
        #expect(OfferStatus.accepted.allowedTargets.isEmpty)
        #expect(OfferStatus.rejected.allowedTargets.isEmpty)
    }
}
