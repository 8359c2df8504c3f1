/// Money in the marketplace: `*_nano` integers, where 1 USDC = 1,000,000,000 nano. Settlement
/// moves USDC atomic units (1 USDC = 1,000,000), so one atomic unit is 1,000 nano and an
/// amount must be a whole multiple of 1,000 nano to be payable.
public enum NanoAmount {
    /// Nano per USDC.
    public static let perUSDC: Int64 = 1_000_000_000
    /// Nano per USDC atomic unit (1e-6 USDC).
    public static let perAtomicUnit: Int64 = 1_000

    /// Why `nano` cannot be a payable price, or nil: it must be positive (or zero when
    /// `allowZero`) and a whole number of USDC atomic units.
    public static func problem(_ nano: Int64, allowZero: Bool = false) -> String? {
        if nano < 0 || (nano == 0 && !allowZero) {
            return "must be \(allowZero ? "0 or more" : "more than 0") nano-USDC; got \(nano)"
        }
        if nano % perAtomicUnit != 0 {
            let down = nano - nano % perAtomicUnit
            let (up, overflow) = down.addingReportingOverflow(perAtomicUnit)
            let suggestion = overflow ? "\(down)" : "\(down) or \(up)"
            return "must be a whole number of USDC atomic units (a multiple of 1000 nano, since 1 USDC = 1,000,000,000 nano = 1,000,000 atomic units); got \(nano), try \(suggestion)"
        }
        return nil
    }

    /// The USDC atomic units of a payable amount (`problem` returned nil).
    public static func atomicUnits(_ nano: Int64) -> UInt64 {
        UInt64(nano / perAtomicUnit)
    }

    /// The amount as exact decimal USDC, e.g. `1.50` for 1,500,000,000 nano.
    public static func usdcString(_ nano: Int64) -> String { FixedPoint.text(nano, decimals: 9) }
}
