/// USDC amounts as the policy and messages handle them: integers of atomic units (6 decimals),
/// parsed from and printed as decimal text without floating point.
public enum USDCUnits {
    /// Atomic units per USDC.
    public static let perUSDC: UInt64 = 1_000_000

    /// `1234567` → `1.234567`, `100000` → `0.10` (at least two decimals, trailing zeros dropped).
    public static func decimal(_ atomic: UInt64) -> String {
        let whole = atomic / perUSDC
        var fraction = String(atomic % perUSDC)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }

    /// Parses decimal USDC (`0.10`, `1`, `0.000001`); nil for signs, exponents, more than six
    /// decimals or overflow.
    public static func parse(decimal text: String) -> UInt64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].utf8.allSatisfy({ $0 &- 0x30 < 10 }),
              let whole = UInt64(parts[0]) else { return nil }
        var fraction: UInt64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 6, digits.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
            fraction = UInt64(digits + String(repeating: "0", count: 6 - digits.count))!
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: perUSDC)
        let (total, overflow2) = scaled.addingReportingOverflow(fraction)
        return overflow || overflow2 ? nil : total
    }

    /// Parses a decimal integer string of atomic units as the wire carries it (`"10000"`); nil
    /// for anything else, including values above `UInt64.max`.
    public static func parse(atomic text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.count <= 20, text.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        return UInt64(text)
    }
}
