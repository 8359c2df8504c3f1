/// A colour.
public struct RGB: Sendable, Equatable {
    /// Red, green, blue, 0–255.
    public var r: UInt8, g: UInt8, b: UInt8

    /// Creates a colour.
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// `#rrggbb`.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [r, g, b].map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined()
    }

    /// Colours of chart elements.
    static let white = RGB(255, 255, 255), ink = RGB(33, 37, 41), grid = RGB(225, 228, 232), muted = RGB(108, 117, 125)
    /// Series colours, in order.
    static let palette = [RGB(31, 119, 180), RGB(214, 39, 40), RGB(44, 160, 44), RGB(255, 127, 14), RGB(148, 103, 189),
                          RGB(140, 86, 75), RGB(227, 119, 194), RGB(23, 190, 207)]
}

/// Where a text is anchored horizontally.
public enum TextAnchor: String, Sendable {
    /// The text starts at x.
    case start
    /// The text is centred on x.
    case middle
    /// The text ends at x.
    case end
}

/// One thing to draw, in pixels from the top-left corner.
public enum DrawCommand: Sendable, Equatable {
    /// A filled rectangle.
    case rect(x: Double, y: Double, width: Double, height: Double, fill: RGB)
    /// A polyline.
    case polyline(points: [(x: Double, y: Double)], stroke: RGB, width: Double)
    /// A text on baseline `y`: size 10 (small) or 16 (title).
    case text(x: Double, y: Double, text: String, size: Double, color: RGB, anchor: TextAnchor)

    public static func == (lhs: DrawCommand, rhs: DrawCommand) -> Bool {
        switch (lhs, rhs) {
        case let (.rect(a, b, c, d, e), .rect(f, g, h, i, j)): return a == f && b == g && c == h && d == i && e == j
        case let (.polyline(a, b, c), .polyline(d, e, f)): return a.map(\.x) == d.map(\.x) && a.map(\.y) == d.map(\.y) && b == e && c == f
        case let (.text(a, b, c, d, e, f), .text(g, h, i, j, k, l)): return a == g && b == h && c == i && d == j && e == k && f == l
        default: return false
        }
    }
}

/// A chart as a list of drawing commands: the one layout both the SVG and the PNG are made from.
public struct Drawing: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// What to draw, in order.
    public var commands: [DrawCommand]
    /// A text equivalent (title and figures), for the SVG's accessible description.
    public var summary: String

    /// Pixels per character of a text of `size`: the bitmap font's advance, doubled for titles.
    static func characterWidth(_ size: Double) -> Double { size >= 14 ? 12 : 6 }

    /// `text` cut to `width` pixels at `size`, ending in "…" when cut.
    static func fit(_ text: String, width: Double, size: Double) -> String {
        let most = max(1, Int(width / characterWidth(size)))
        guard text.count > most else { return text }
        return String(text.prefix(max(0, most - 1))) + "…"
    }
}
