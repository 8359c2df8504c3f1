/// An RGB pixel buffer that draws a `Drawing`: rectangles, thick polylines and bitmap text.
public struct Raster: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Rows top to bottom, three bytes (R, G, B) per pixel.
    public private(set) var pixels: [UInt8]

    /// A white raster.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 255, count: width * height * 3)
    }

    /// The raster of `drawing`.
    public init(_ drawing: Drawing) {
        self.init(width: drawing.width, height: drawing.height)
        for command in drawing.commands { draw(command) }
    }

    /// The colour at (x, y).
    public func pixel(x: Int, y: Int) -> RGB {
        let offset = (y * width + x) * 3
        return RGB(pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }

    /// Sets one pixel, ignoring those outside.
    mutating func plot(_ x: Int, _ y: Int, _ color: RGB) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let offset = (y * width + x) * 3
        pixels[offset] = color.r
        pixels[offset + 1] = color.g
        pixels[offset + 2] = color.b
    }

    /// Draws one command.
    mutating func draw(_ command: DrawCommand) {
        switch command {
        case .rect(let x, let y, let w, let h, let fill):
            let x0 = max(0, Int(x.rounded())), y0 = max(0, Int(y.rounded()))
            let x1 = min(width, Int((x + w).rounded())), y1 = min(height, Int((y + h).rounded()))
            guard x0 < x1, y0 < y1 else { return }
            for row in y0..<y1 { for column in x0..<x1 { plot(column, row, fill) } }
        case .polyline(let points, let stroke, let lineWidth):
            for (from, to) in zip(points, points.dropFirst()) { segment(from, to, stroke, Int(lineWidth.rounded())) }
        case .text(let x, let y, let text, let size, let color, let anchor):
            self.text(text, x: x, baseline: y, scale: size >= 14 ? 2 : 1, color: color, anchor: anchor)
        }
    }

    /// A line segment `thickness` pixels wide (Bresenham with a square pen).
    mutating func segment(_ from: (x: Double, y: Double), _ to: (x: Double, y: Double), _ color: RGB, _ thickness: Int) {
        var x0 = Int(from.x.rounded()), y0 = Int(from.y.rounded())
        let x1 = Int(to.x.rounded()), y1 = Int(to.y.rounded())
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        let low = -(max(1, thickness) - 1) / 2, high = low + max(1, thickness) - 1
        while true {
            for oy in low...high { for ox in low...high { plot(x0 + ox, y0 + oy, color) } }
            if x0 == x1 && y0 == y1 { return }
            let twice = 2 * error
            if twice >= dy { error += dy; x0 += sx }
            if twice <= dx { error += dx; y0 += sy }
        }
    }

    /// Bitmap text on `baseline`, each font pixel a `scale` × `scale` square.
    mutating func text(_ text: String, x: Double, baseline: Double, scale: Int, color: RGB, anchor: TextAnchor) {
        let advance = BitmapFont.advance * scale
        let total = text.count * advance
        var left = Int(x.rounded())
        switch anchor {
        case .start: break
        case .middle: left -= total / 2
        case .end: left -= total
        }
        let top = Int(baseline.rounded()) - BitmapFont.height * scale
        for (index, character) in text.enumerated() {
            let rows = BitmapFont.rows(character)
            let drop = BitmapFont.descenders.contains(character) ? BitmapFont.descent * scale : 0
            for (row, bits) in rows.enumerated() {
                for column in 0..<BitmapFont.width where bits & (1 << (BitmapFont.width - 1 - column)) != 0 {
                    for dy in 0..<scale { for dx in 0..<scale {
                        plot(left + index * advance + column * scale + dx, top + drop + row * scale + dy, color)
                    } }
                }
            }
        }
    }
}
