
/// RFC 3339 timestamps in UTC (`2026-02-20T10:30:00Z`), formatted without
/// Foundation's formatters, which are slow to build.
public enum RFC3339 {
    /// The last second formatted, reused while the clock stays in it: a server stamps many
    /// records and answers within one second.
    private static let last = Locked<(second: Int64, text: String)>((Int64.min, ""))

    /// Formats whole seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func format(secondsSince1970 seconds: Int64) -> String {
        last.withLock { cached in
            if cached.second != seconds { cached = (seconds, compose(seconds)) }
            return cached.text
        }
    }

    /// `format` without the cache.
    static func compose(_ seconds: Int64) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }
}
