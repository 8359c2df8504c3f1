import Testing
import JSON
import HTTP
@testable import Payments

/// `WWW-Authenticate: Payment …` as servers and HTTP stacks write it: several challenges per
/// line, lines folded together, quoted strings with escapes, other schemes mixed in.
@Suite struct MPPChallengeParserTests {
    /// A base64url request object.
    static let request = Base64.encodeURL(JSONValue.object(["amount": "10000", "currency": "0x0000000000000000000000000000000000007a6b",
                                                            "recipient": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]).serialized())

    @Test func readsOneChallengeWithQuotedAndTokenValues() {
        let value = #"Payment id="abc", realm="tak.local", method=sandbox, intent="charge", request="\#(Self.request)", expires="2026-11-23T12:42:05Z""#
        let challenges = MPPChallengeParser.challenges(in: [value])
        #expect(challenges.count == 1)
        #expect(challenges[0].id == "abc")
        #expect(challenges[0].method == "sandbox")
        #expect(challenges[0].request == Self.request)
        #expect(challenges[0].decodedRequest?["amount"] == "10000")
    }

    @Test func splitsChallengesFoldedIntoOneLineOutsideQuotes() {
        let folded = #"Payment id="a", realm="r, Payment id=\"x\"", method="evm", intent="charge", request="e30", Bearer realm="api", Payment id="b", realm="r2", method="tempo", intent="charge", request="e30""#
        let challenges = MPPChallengeParser.challenges(in: [folded])
        #expect(challenges.map(\.id) == ["a", "b"])
        #expect(challenges[0].realm == #"r, Payment id="x""#)
        #expect(challenges[1].method == "tempo")
    }

    @Test func readsChallengesFromSeveralLines() {
        let challenges = MPPChallengeParser.challenges(in: [#"Payment id="a", method="evm""#, #"Basic dXNlcjpwYXNz=="#, #"payment id="b", method="sandbox""#])
        #expect(challenges.map(\.id) == ["a", "b"])
    }

    @Test func unescapesBackslashesAndUnicodeEscapesWithSurrogatePairs() {
        let challenges = MPPChallengeParser.challenges(in: [#"Payment id="q\"uote\\d", description="caf\u00e9 \ud83d\ude00""#])
        #expect(challenges.first?.id == #"q"uote\d"#)
        #expect(challenges.first?["description"] == "café 😀")
    }

    @Test func dropsAChallengeWithAnOverlongValue() {
        let long = String(repeating: "A", count: MPPChallengeParser.maxValueBytes + 1)
        let challenges = MPPChallengeParser.challenges(in: [#"Payment id="a", request="\#(long)", Payment id="b""#])
        #expect(challenges.map(\.id) == ["b"])
    }

    @Test func echoesParametersVerbatimAndIgnoresUnknownOnes() {
        let challenge = MPPChallengeParser.challenges(in: [#"Payment id="a", realm="r", method="evm", intent="charge", request="e30", opaque="eyJ4IjoiMSJ9", future="x""#])[0]
        #expect(JSONValue.object(challenge.echo).jsonText == #"{"id":"a","realm":"r","method":"evm","intent":"charge","request":"e30","opaque":"eyJ4IjoiMSJ9"}"#)
        #expect(challenge.credentialHeader == "Authorization")
    }

    @Test func honoursTheHeaderParameterForTheCredential() {
        let challenge = MPPChallengeParser.challenges(in: [#"Payment id="a", header="Payment-Authorization""#])[0]
        #expect(challenge.credentialHeader == "Payment-Authorization")
    }

    @Test func mapsAnMPPChallengeToAnOffer() throws {
        let value = #"Payment id="abc", realm="tak.local", method="sandbox", intent="charge", request="\#(Self.request)", expires="2026-11-23T12:42:05Z", description="a joke""#
        let challenge = PaymentChallenge(response: HTTPResponse(status: 402, headers: ["WWW-Authenticate": value]))
        let offer = try #require(challenge.offers.first)
        #expect(offer.paymentProtocol == .mpp)
        #expect(offer.deployment == .sandbox)
        #expect(offer.amountAtomic == 10_000)
        #expect(offer.expiresAt == 1_795_437_725)
        #expect(offer.description == "a joke")
    }

    @Test func mapsProblemTypesToReasons() {
        let body = Array(#"{"type":"https://paymentauth.org/problems/payment-expired","title":"Expired","detail":"challenge too old"}"#.utf8)
        let challenge = PaymentChallenge(response: HTTPResponse(status: 402, body: body))
        #expect(challenge.serverReason == "payment-expired: the payment authorization or challenge expired before the server used it (challenge too old)")
    }
}
