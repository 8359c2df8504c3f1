/// Writes a drawing as an SVG document (monospace text, so widths match the PNG's bitmap font).
public enum SVGWriter {
    /// The SVG text of `drawing`.
    public static func svg(_ drawing: Drawing) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(drawing.width)\" height=\"\(drawing.height)\""
            + " viewBox=\"0 0 \(drawing.width) \(drawing.height)\" role=\"img\" font-family=\"DejaVu Sans Mono, Menlo, monospace\">"
        out += "<title>\(escape(titleText(drawing)))</title><desc>\(escape(drawing.summary))</desc>"
        for command in drawing.commands {
            switch command {
            case .rect(let x, let y, let width, let height, let fill):
                out += "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(fill.hex)\"/>"
            case .polyline(let points, let stroke, let width):
                let list = points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
                out += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke.hex)\" stroke-width=\"\(number(width))\" stroke-linejoin=\"round\"/>"
            case .text(let x, let y, let text, let size, let color, let anchor):
                let weight = size >= 14 ? " font-weight=\"bold\"" : ""
                out += "<text x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(number(size))\" fill=\"\(color.hex)\""
                    + " text-anchor=\"\(anchor.rawValue)\"\(weight)>\(escape(text))</text>"
            }
        }
        return out + "</svg>"
    }

    /// The drawing's title: its first title-sized text.
    private static func titleText(_ drawing: Drawing) -> String {
        for case .text(_, _, let text, let size, _, _) in drawing.commands where size >= 14 { return text }
        return drawing.summary
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }

    /// Text escaped for XML.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
