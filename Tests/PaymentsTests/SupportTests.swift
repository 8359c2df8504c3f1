import Testing
@testable import Payments

/// Base64 in both alphabets, RFC 3339 expiry times and USDC amounts.
@Suite struct SupportTests {
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func encodesRFC4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
        #expect(Base64.decode(encoded.filter { $0 != "=" }) == Array(plain.utf8))
    }

    @Test func urlAlphabetRoundTripsAndStandardDecoderAcceptsIt() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xfe, 0x3e]
        #expect(Base64.encode(bytes) == "+//+Pg==")
        #expect(Base64.encodeURL(bytes) == "-__-Pg")
        #expect(Base64.decode("-__-Pg") == bytes)
    }

    @Test(arguments: ["Zm9v!", "Z", "Zm=9v", "Zm9v==="])
    func refusesMalformedBase64(text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test(arguments: [
        ("2026-11-23T12:42:05Z", Int64(1_795_437_725)),
        ("2026-11-23T12:42:05.117585+00:00", 1_795_437_725),
        ("2026-11-23T13:42:05+01:00", 1_795_437_725),
        ("1970-01-01T00:00:00z", 0),
    ])
    func parsesLenientRFC3339(text: String, seconds: Int64) {
        #expect(RFC3339Timestamp.parse(text) == seconds)
    }

    @Test(arguments: ["2026-11-23", "2026-13-01T00:00:00Z", "2026-11-23T12:42:05", "2026-11-23T12:42:05Zjunk"])
    func refusesMalformedRFC3339(text: String) {
        #expect(RFC3339Timestamp.parse(text) == nil)
    }

    @Test func formatsRFC3339ThatParsesBack() {
        for seconds: Int64 in [0, 1_750_000_000, 1_795_437_725, 4_102_444_800] {
            #expect(RFC3339Timestamp.parse(RFC3339Timestamp.format(seconds)) == seconds)
        }
        #expect(RFC3339Timestamp.format(1_795_437_725) == "2026-11-23T12:42:05Z")
    }

    @Test func usdcUnitsParseAndPrintWithoutFloatingPoint() {
        #expect(USDCUnits.parse(decimal: "0.10") == 100_000)
        #expect(USDCUnits.parse(decimal: "1") == 1_000_000)
        #expect(USDCUnits.parse(decimal: "0.000001") == 1)
        #expect(USDCUnits.parse(decimal: "0.0000001") == nil)
        #expect(USDCUnits.parse(decimal: "-1") == nil)
        #expect(USDCUnits.parse(decimal: "1e3") == nil)
        #expect(USDCUnits.decimal(100_000) == "0.10")
        #expect(USDCUnits.decimal(1_234_567) == "1.234567")
        #expect(USDCUnits.parse(atomic: "18446744073709551616") == nil)
    }

    @Test func retryAfterAcceptsSecondsAndDates() {
        let policy = BackoffPolicy()
        #expect(policy.delay(retryAfter: "3", now: 0) == .seconds(3))
        #expect(policy.delay(retryAfter: nil, now: 0) == .seconds(1))
        #expect(policy.delay(retryAfter: "Thu, 01 Jan 1970 00:00:04 GMT", now: 1) == .seconds(3))
        #expect(policy.delay(retryAfter: "soon", now: 0) == .seconds(1))
    }
}
