/// Lays a chart out as drawing commands: title, unit, axes with ticks, the lines or bars, a
/// legend and the source line.
public enum ChartLayout {
    /// The smallest and largest sizes drawn.
    public static let widths = 320...2000, heights = 200...1200

    /// The drawing of `spec` at `width` × `height` (clamped to the allowed sizes).
    public static func draw(_ spec: ChartSpec, width requestedWidth: Int = 800, height requestedHeight: Int = 450) -> Drawing {
        let width = min(max(requestedWidth, widths.lowerBound), widths.upperBound)
        let height = min(max(requestedHeight, heights.lowerBound), heights.upperBound)
        let w = Double(width), h = Double(height)
        var commands: [DrawCommand] = [.rect(x: 0, y: 0, width: w, height: h, fill: .white)]
        commands.append(.text(x: 16, y: 26, text: Drawing.fit(spec.title, width: w - 32, size: 16), size: 16, color: .ink, anchor: .start))
        commands.append(.text(x: 16, y: 44, text: Drawing.fit(spec.subtitle, width: w - 32, size: 10), size: 10, color: .muted, anchor: .start))
        commands.append(.text(x: 16, y: h - 10, text: Drawing.fit(spec.source, width: w - 32, size: 10), size: 10, color: .muted, anchor: .start))
        let area = (top: 58.0, bottom: h - 40, left: 16.0, right: w - 20)
        switch spec.body {
        case .lines(let lines): commands += drawLines(lines, area: area)
        case .bars(let bars): commands += drawBars(bars, area: area)
        case .facts(let facts): commands += drawFacts(facts, area: area)
        }
        return Drawing(width: width, height: height, commands: commands, summary: spec.title + ". " + spec.subtitle + ". " + spec.source)
    }

    /// A line chart with a legend when there are several lines.
    static func drawLines(_ lines: [ChartSpec.Line], area: (top: Double, bottom: Double, left: Double, right: Double)) -> [DrawCommand] {
        let points = lines.flatMap(\.points)
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else {
            return [.text(x: area.left, y: area.top + 20, text: "No values in this window.", size: 10, color: .muted, anchor: .start)]
        }
        var commands: [DrawCommand] = []
        var top = area.top
        if lines.count > 1 {
            var x = area.left
            for (index, line) in lines.enumerated() {
                let color = RGB.palette[index % RGB.palette.count]
                let label = Drawing.fit(line.name, width: 200, size: 10)
                if x + 16 + Double(label.count) * 6 > area.right { x = area.left; top += 14 }
                commands.append(.rect(x: x, y: top, width: 10, height: 8, fill: color))
                commands.append(.text(x: x + 14, y: top + 8, text: label, size: 10, color: .ink, anchor: .start))
                x += 28 + Double(label.count) * 6
            }
            top += 18
        }
        let y = Axis.ticks(low: minY, high: maxY)
        let labels = Axis.labels(y.ticks)
        let left = area.left + Double(labels.map(\.count).max() ?? 1) * 6 + 8
        let plot = (top: top + 6, bottom: area.bottom, left: left, right: area.right)
        let spanX = maxX > minX ? maxX - minX : 1
        func px(_ value: Double) -> Double { plot.left + (value - minX) / spanX * (plot.right - plot.left) }
        func py(_ value: Double) -> Double { plot.bottom - (value - y.low) / (y.high - y.low) * (plot.bottom - plot.top) }
        for (tick, label) in zip(y.ticks, labels) {
            commands.append(.rect(x: plot.left, y: py(tick), width: plot.right - plot.left, height: 1, fill: .grid))
            commands.append(.text(x: plot.left - 6, y: py(tick) + 3, text: label, size: 10, color: .muted, anchor: .end))
        }
        let step = Axis.timeStep(spanX / 6)
        var tick = (minX / step).rounded(.up) * step
        while tick <= maxX + step * 1e-9 {
            commands.append(.rect(x: px(tick), y: plot.bottom, width: 1, height: 4, fill: .ink))
            commands.append(.text(x: px(tick), y: plot.bottom + 16, text: Axis.timeLabel(tick, step: step), size: 10, color: .muted, anchor: .middle))
            tick += step
        }
        commands.append(.rect(x: plot.left, y: plot.bottom, width: plot.right - plot.left, height: 1, fill: .ink))
        commands.append(.rect(x: plot.left, y: plot.top, width: 1, height: plot.bottom - plot.top, fill: .ink))
        for (index, line) in lines.enumerated() {
            let mapped = thin(line.points.map { (px($0.x), py($0.y)) })
            let color = RGB.palette[index % RGB.palette.count]
            if mapped.count == 1 {
                commands.append(.rect(x: mapped[0].x - 3, y: mapped[0].y - 3, width: 6, height: 6, fill: color))
            } else {
                commands.append(.polyline(points: mapped, stroke: color, width: 2))
            }
        }
        return commands
    }

    /// At most two points (the lowest and highest) per pixel column, so long series stay light.
    static func thin(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard points.count > 1000 else { return points }
        var out: [(x: Double, y: Double)] = []
        var column = Int.min
        var low: (x: Double, y: Double)?, high: (x: Double, y: Double)?
        func flush() {
            guard let low, let high else { return }
            out.append(contentsOf: low.x <= high.x ? [low, high] : [high, low])
        }
        for point in points {
            let current = Int(point.x.rounded(.down))
            if current != column { flush(); column = current; low = point; high = point; continue }
            if point.y > high!.y { high = point }
            if point.y < low!.y { low = point }
        }
        flush()
        return out
    }

    /// Horizontal bars from a zero line, labels on the left and values at the bars' ends.
    static func drawBars(_ bars: [ChartSpec.Bar], area: (top: Double, bottom: Double, left: Double, right: Double)) -> [DrawCommand] {
        guard !bars.isEmpty else { return [] }
        let shown = Array(bars.prefix(max(1, Int((area.bottom - area.top) / 16))))
        let labelWidth = Double(min(24, shown.map(\.label.count).max() ?? 1)) * 6 + 8
        let valueWidth = Double(shown.map(\.text.count).max() ?? 1) * 6 + 8
        let start = area.left + labelWidth, end = area.right - valueWidth
        let low = min(0, shown.map(\.value).min() ?? 0), high = max(0, shown.map(\.value).max() ?? 0)
        let span = high > low ? high - low : 1
        func px(_ value: Double) -> Double { start + (value - low) / span * (end - start) }
        let row = min(22, (area.bottom - area.top) / Double(shown.count))
        var commands: [DrawCommand] = []
        for (index, bar) in shown.enumerated() {
            let y = area.top + Double(index) * row
            let from = min(px(0), px(bar.value)), to = max(px(0), px(bar.value))
            commands.append(.text(x: start - 6, y: y + row * 0.65, text: Drawing.fit(bar.label, width: labelWidth - 8, size: 10), size: 10, color: .ink, anchor: .end))
            commands.append(.rect(x: from, y: y + 2, width: max(1, to - from), height: row - 5, fill: RGB.palette[0]))
            commands.append(.text(x: to + 4, y: y + row * 0.65, text: bar.text, size: 10, color: .muted, anchor: .start))
        }
        commands.append(.rect(x: px(0), y: area.top, width: 1, height: Double(shown.count) * row, fill: .ink))
        return commands
    }

    /// Lines of text, wrapped to the width.
    static func drawFacts(_ facts: [String], area: (top: Double, bottom: Double, left: Double, right: Double)) -> [DrawCommand] {
        let perLine = max(10, Int((area.right - area.left) / 6))
        var lines: [String] = []
        for fact in facts {
            var rest = Substring(fact)
            while rest.count > perLine {
                let cut = rest.prefix(perLine).lastIndex(of: " ") ?? rest.index(rest.startIndex, offsetBy: perLine)
                lines.append(String(rest[..<cut]))
                rest = rest[cut...].drop { $0 == " " }
            }
            lines.append(String(rest))
        }
        let fit = Int((area.bottom - area.top) / 15)
        return lines.prefix(fit).enumerated().map { index, line in
            .text(x: area.left, y: area.top + 12 + Double(index) * 15, text: line, size: 10, color: .ink, anchor: .start)
        }
    }
}
