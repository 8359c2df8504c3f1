import Store
import Testing
@testable import Tools
@testable import Crypto

/// The sandbox ledger authorises transfers exactly as USDC does: every rejection reason, and
/// atomic application.
@Suite struct SandboxLedgerTests {
    static let payer = try! EthereumPrivateKey(hex: "0x" + String(repeating: "11", count: 32))
    static let payee = try! EthereumPrivateKey(hex: "0x" + String(repeating: "22", count: 32)).address
    static let now: UInt64 = 1_771_583_400

    static func authorization(value: UInt64 = 5_000_000, validAfter: UInt64 = now - 600, validBefore: UInt64 = now + 600,
                              nonce: UInt8 = 1, domain: TransferWithAuthorization.Domain = SandboxLedger.domain,
                              from: EthereumAddress = payer.address) -> TransferWithAuthorization {
        try! TransferWithAuthorization(domain: domain, from: from, to: payee, value: UInt256(value),
                                       validAfter: UInt256(validAfter), validBefore: UInt256(validBefore),
                                       nonce: [UInt8](repeating: nonce, count: 32))
    }

    @Test func acceptsAValidAuthorization() {
        let auth = Self.authorization()
        let result = SandboxLedger.check(auth, signature: auth.sign(with: Self.payer), now: Self.now,
                                         payerBalance: USDCAmount(atomic: 10_000_000), nonceUsed: false)
        #expect(result == .success(USDCAmount(atomic: 5_000_000)))
    }

    @Test func rejectsEveryWayUSDCWould() {
        let good = Self.authorization()
        let signature = good.sign(with: Self.payer)
        let balance = USDCAmount(atomic: 10_000_000)
        func check(_ auth: TransferWithAuthorization, _ sig: EthereumSignature, now: UInt64 = Self.now,
                   balance: USDCAmount = balance, nonceUsed: Bool = false) -> LedgerRejection? {
            if case .failure(let rejection) = SandboxLedger.check(auth, signature: sig, now: now, payerBalance: balance, nonceUsed: nonceUsed) {
                return rejection
            }
            return nil
        }
        let base = WalletNetwork.base
        let otherDomain = TransferWithAuthorization.Domain(name: base.usdcDomainName, version: "2", chainId: UInt256(base.chainID),
                                                           verifyingContract: try! EthereumAddress(base.usdcContract))
        let foreign = Self.authorization(domain: otherDomain)
        #expect(check(foreign, foreign.sign(with: Self.payer)) == .wrongDomain)
        let stranger = try! EthereumPrivateKey(hex: "0x" + String(repeating: "33", count: 32))
        #expect(check(good, good.sign(with: stranger)) == .invalidSignature)
        var highS = signature
        highS.s = Secp256k1.n.subtractingWithBorrow(signature.s).difference
        highS.v = signature.v == 27 ? 28 : 27
        #expect(check(good, highS) == .invalidSignature, "the high-s twin must be refused as USDC refuses it")
        var zeroV = signature
        zeroV.v -= 27
        #expect(check(good, zeroV) == .invalidSignature, "v = 0/1 must be refused as USDC refuses it")
        #expect(check(good, signature, now: Self.now - 600) == .notYetValid, "validAfter is strict")
        #expect(check(good, signature, now: Self.now + 600) == .expired, "validBefore is strict")
        #expect(check(good, signature, nonceUsed: true) == .nonceAlreadyUsed)
        #expect(check(good, signature, balance: USDCAmount(atomic: 4_999_999)) ==
                .insufficientBalance(balance: USDCAmount(atomic: 4_999_999), needed: USDCAmount(atomic: 5_000_000)))
        var tampered = good
        tampered.value = UInt256(6_000_000)
        #expect(check(tampered, signature) == .invalidSignature, "changing the amount breaks the signature")
    }

    @Test func transferMovesMoneyOnceAndAtomically() throws {
        let environment = try makeWalletEnvironment()
        let ledger = SandboxLedger(store: environment.store)
        _ = try ledger.fund(Self.payer.address, amount: USDCAmount(atomic: 7_000_000), cap: USDCAmount(atomic: 100_000_000))
        let auth = Self.authorization()
        let signature = auth.sign(with: Self.payer)
        let receipt = try ledger.transfer(auth, signature: signature, now: Self.now, transferID: "tx_1")
        #expect(receipt.amount == USDCAmount(atomic: 5_000_000))
        #expect(try ledger.balance(of: Self.payer.address) == USDCAmount(atomic: 2_000_000))
        #expect(try ledger.balance(of: Self.payee) == USDCAmount(atomic: 5_000_000))
        // A replay of the same authorization is refused and changes nothing.
        #expect(throws: LedgerRejection.nonceAlreadyUsed) {
            try ledger.transfer(auth, signature: signature, now: Self.now, transferID: "tx_2")
        }
        // Not enough left: refused, nothing moves, the nonce stays unused.
        let second = Self.authorization(value: 3_000_000, nonce: 2)
        #expect(throws: LedgerRejection.self) {
            try ledger.transfer(second, signature: second.sign(with: Self.payer), now: Self.now, transferID: "tx_3")
        }
        #expect(try ledger.balance(of: Self.payer.address) == USDCAmount(atomic: 2_000_000))
        #expect(try ledger.balance(of: Self.payee) == USDCAmount(atomic: 5_000_000))
        #expect(try environment.store.get(collection: "sandbox_transfers", id: "tx_3") == nil)
    }

    @Test func fundingStopsAtTheCap() throws {
        let environment = try makeWalletEnvironment()
        let ledger = SandboxLedger(store: environment.store)
        let cap = USDCAmount(atomic: 10_000_000)
        #expect(try ledger.fund(Self.payee, amount: USDCAmount(atomic: 9_000_000), cap: cap) == USDCAmount(atomic: 9_000_000))
        #expect(throws: LedgerRejection.fundingCapExceeded(balance: USDCAmount(atomic: 9_000_000), cap: cap)) {
            try ledger.fund(Self.payee, amount: USDCAmount(atomic: 2_000_000), cap: cap)
        }
    }

    @Test(arguments: [("10", 10_000_000), ("10.5", 10_500_000), ("0.000001", 1), ("18446744073709", 18_446_744_073_709_000_000)])
    func parsesDecimalAmounts(text: String, atomic: UInt64) {
        #expect(USDCAmount(decimal: text)?.atomic == atomic)
    }

    @Test(arguments: ["", "-1", "1.", ".5", "1.0000001", "1e6", "1,5", " 1", "18446744073710"])
    func refusesBadDecimalAmounts(text: String) {
        #expect(USDCAmount(decimal: text) == nil)
    }

    @Test(arguments: [(0, "0.00"), (1, "0.000001"), (10_500_000, "10.50"), (3_000_000, "3.00"), (1_234_567, "1.234567")] as [(UInt64, String)])
    func formatsExactly(atomic: UInt64, text: String) {
        #expect(USDCAmount(atomic: atomic).decimalString == text)
    }
}
