/// Exact decimal text for amounts kept as integers of a smallest unit (money is never floating
/// point): USDC atomic units (6 decimals) and marketplace nano-USDC (9 decimals) alike.
enum FixedPoint {
    /// `value` ÷ 10^`decimals`, with at least two fraction digits: `10.50`, `0.000001`, `3.00`.
    static func text(_ value: UInt64, decimals: Int) -> String {
        var unit: UInt64 = 1
        for _ in 0..<decimals { unit *= 10 }
        var fraction = String(value % unit)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(value / unit).\(fraction)"
    }

    /// `text` for a signed amount.
    static func text(_ value: Int64, decimals: Int) -> String {
        (value < 0 ? "-" : "") + text(value.magnitude, decimals: decimals)
    }
}
