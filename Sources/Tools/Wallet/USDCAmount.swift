/// An amount of USDC in atomic units (6 decimals: 1 USDC = 1,000,000), parsed and printed without
/// floating point.
public struct USDCAmount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Atomic units.
    public var atomic: UInt64

    /// Decimal places of USDC.
    public static let decimals = 6
    /// Atomic units per USDC.
    public static let unit: UInt64 = 1_000_000

    /// An amount of `atomic` units.
    public init(atomic: UInt64) { self.atomic = atomic }

    /// Parses a decimal USDC amount such as `10`, `10.5` or `0.000001`; nil for anything else
    /// (signs, exponents, more than 6 decimals, overflow).
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
              let whole = UInt64(parts[0]) else { return nil }
        var fraction: UInt64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= Self.decimals, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = UInt64(digits + String(repeating: "0", count: Self.decimals - digits.count))!
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: Self.unit)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(fraction)
        guard !overflow2 else { return nil }
        atomic = total
    }

    /// Parses atomic units written as a decimal integer string; nil otherwise.
    public init?(atomicString text: String) {
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let value = UInt64(text) else { return nil }
        atomic = value
    }

    /// The amount in USDC with at least two decimals: `10.50`, `0.000001`, `3.00`.
    public var decimalString: String { FixedPoint.text(atomic, decimals: Self.decimals) }

    public var description: String { "\(decimalString) USDC" }

    public static func < (lhs: USDCAmount, rhs: USDCAmount) -> Bool { lhs.atomic < rhs.atomic }
}

extension Character {
    /// 0-9 only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
