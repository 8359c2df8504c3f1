/// How long to wait before re-sending after a 429: the server's `Retry-After` within bounds.
public struct BackoffPolicy: Sendable, Equatable {
    /// How many times a 429 is waited out before giving up.
    public var maxRetries: Int
    /// The wait when the server gives none.
    public var defaultDelay: Duration
    /// The longest wait honoured; a longer `Retry-After` ends the negotiation instead.
    public var maxDelay: Duration

    /// Two retries, 1 s by default, at most 5 s each.
    public init(maxRetries: Int = 2, defaultDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(5)) {
        self.maxRetries = maxRetries
        self.defaultDelay = defaultDelay
        self.maxDelay = maxDelay
    }

    /// The wait `Retry-After: value` asks for at `now` (Unix seconds): delta-seconds or an
    /// IMF-fixdate; the default delay when absent or unreadable.
    public func delay(retryAfter value: String?, now: Int64) -> Duration {
        guard let value = value?.trimmingSpaces, !value.isEmpty else { return defaultDelay }
        if value.utf8.allSatisfy({ $0 &- 0x30 < 10 }), let seconds = Int64(value.prefix(9)) { return .seconds(seconds) }
        if let date = Self.parseIMFFixdate(String(value)) { return .seconds(max(0, date - now)) }
        return defaultDelay
    }

    /// Unix seconds of `Sun, 06 Nov 1994 08:49:37 GMT`, or nil.
    static func parseIMFFixdate(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[5] == "GMT", let day = Int64(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
              let year = Int64(parts[3]) else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int64($0) }
        guard time.count == 3 else { return nil }
        return RFC3339Timestamp.daysFromCivil(year: year, month: Int64(monthIndex + 1), day: day) * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]
    }
}
