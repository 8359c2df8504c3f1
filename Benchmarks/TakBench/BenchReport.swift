
/// Rows of measured figures, printed as a table.
struct BenchReport {
    struct Row {
        var name: String
        var value: String
        var target: String
    }

    var rows: [Row] = []

    mutating func add(_ name: String, _ value: String, target: String = "") {
        rows.append(Row(name: name, value: value, target: target))
        // Progress on stderr so a long run shows life.
        writeStderr("  \(name): \(value)\n")
    }

    func print() {
        let width = rows.map(\.name.count).max() ?? 10
        let valueWidth = max(5, rows.map(\.value.count).max() ?? 5)
        Swift.print("measure".padding(width) + "  " + "value".padding(valueWidth) + "  target")
        for row in rows { Swift.print(row.name.padding(width) + "  " + row.value.padding(valueWidth) + "  " + row.target) }
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

/// Clocks for benchmarks.
enum BenchClock {
    /// Monotonic seconds.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Monotonic seconds elapsed since `start` (a value of `now()`).
    static func seconds(since start: Double) -> Double { now() - start }

    /// CPU seconds used by this process (all threads).
    static func processCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// Formats a number with a fixed number of decimals.
func fmt(_ value: Double, _ decimals: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if decimals == 0, text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

/// Formats a count with thousands separators.
func grouped(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var out = ""
    for (index, character) in digits.reversed().enumerated() {
        if index > 0, index % 3 == 0 { out.append(",") }
        out.append(character)
    }
    return String(out.reversed())
}

/// Timing samples, and the percentiles a report shows of them.
struct Samples {
    /// The samples, in increasing order.
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    /// The sample below which `percent` per cent of them lie (50 for the median); NaN when empty.
    func percentile(_ percent: Int) -> Double {
        sorted.isEmpty ? .nan : sorted[sorted.count * percent / 100]
    }

    /// "p50 / p99 us", one decimal each, for samples in microseconds.
    var p50p99: String { "\(fmt(percentile(50), 1)) / \(fmt(percentile(99), 1)) us" }
}

/// Writes `text` to stderr, where a run's progress goes.
func writeStderr(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
