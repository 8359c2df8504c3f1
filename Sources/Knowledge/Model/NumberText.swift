/// How numbers are written in cards: stated values as the data has them, computed ones rounded.
public enum NumberText {
    /// The shortest text that reads back as `value` (integers without ".0"): for CSV cells.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A stated value for prose: as the data has it, with thousands separators on the integer part.
    public static func stated(_ value: Double) -> String {
        let text = plain(value)
        return grouped(text)
    }

    /// A computed value for prose: integers from 1,000 up, two decimals from 1 up, three
    /// significant digits below 1; trailing zeros dropped.
    public static func rounded(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals: Int
        if magnitude >= 1000 { decimals = 0 }
        else if magnitude >= 1 { decimals = 2 }
        else if magnitude == 0 { return "0" }
        else { decimals = min(12, max(3, 2 - Int((log10(magnitude)).rounded(.down)))) }
        return grouped(fixed(value, decimals: decimals))
    }

    /// A percentage with one decimal and a sign: "+42.2%".
    public static func percent(_ value: Double) -> String {
        let text = fixed(value, decimals: 1)
        return (value >= 0 && !text.hasPrefix("-") ? "+" : "") + grouped(text) + "%"
    }

    /// A ratio with two decimals: "1.42x".
    public static func ratio(_ value: Double) -> String { grouped(fixed(value, decimals: 2)) + "x" }

    /// A signed change: "+21.47" or "-3.1".
    public static func signed(_ value: Double) -> String {
        let text = rounded(value)
        return value > 0 ? "+" + text : text
    }

    /// `value` with `decimals` digits after the point (dropping trailing zeros), never "-0".
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return plain(value) }
        let integer = Int64(scaled)
        let divisor = Int64(scale)
        var whole = String(integer / divisor)
        var fraction = String(integer % divisor)
        if decimals > 0 {
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
        } else {
            fraction = ""
        }
        if value < 0 && integer != 0 { whole = "-" + whole }
        return fraction.isEmpty ? whole : whole + "." + fraction
    }

    /// Inserts thousands separators into the integer part of a plain decimal text.
    static func grouped(_ text: String) -> String {
        guard !text.contains("e") else { return text }
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let point = body.firstIndex(of: ".") ?? body.endIndex
        let integer = body[..<point]
        guard integer.count > 3 else { return text }
        var groups: [Substring] = []
        var end = integer.endIndex
        while end > integer.startIndex {
            let start = integer.index(end, offsetBy: -3, limitedBy: integer.startIndex) ?? integer.startIndex
            groups.append(integer[start..<end])
            end = start
        }
        return sign + groups.reversed().joined(separator: ",") + body[point...]
    }

    /// A value with its unit: "72.39 years", "5.2%", "39.4 °F", or the bare value without a unit.
    public static func withUnit(_ number: String, _ unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return number }
        if unit == "%" { return number + "%" }
        return number + " " + unit
    }
}
