/// What all charts share: colours, sizes, and text that breaks into lines.
///
/// Text, axes and scale lines are drawn in `currentColor`, so they take the page's text colour in a dark scheme and
/// in forced colours (a Windows high-contrast theme). The marks' colours are SVG attributes, so a chart saved on its
/// own keeps them; each mark also has the class `farbe-N`, by which the stylesheet gives them lighter colours in a
/// dark scheme and system colours in forced colours. Every mark reaches at least 3:1 against white and every text
/// 4.5:1; no mark means anything by colour alone, because each bar and line is labelled with its municipality or
/// series in text.
enum ChartStyle {
    /// One colour per participant or series: dark blue 8.6:1, burnt orange 5.9:1, green 6.4:1, purple 8.3:1.
    static let palette = ["#1f4e79", "#a84300", "#2e6b30", "#5b2a86"]
    static let text = "currentColor"
    /// Axes and scale lines.
    static let axis = "currentColor"

    /// The class of a mark in the colour of `index`, for the stylesheet's dark and forced-colour rules.
    static func colourClass(_ index: Int) -> String { "farbe-\(index % palette.count)" }

    /// The drawing's width in SVG units; the stylesheet scales it to the column and caps it at 24rem, so chart
    /// text stays between about 12.5 pixels (a 320-pixel phone) and 17 pixels (a desktop).
    static let width = 320.0
    static let fontSize = 14.0
    static let lineHeight = 18.0
    /// Characters that fit on a line of `width` at `fontSize`: an average glyph of the common sans fonts is about
    /// 0.6 em (8.4 units), a bold one more, so labels wrap early rather than run off the chart.
    static let charactersPerLine = 36
    static let boldCharactersPerLine = 32

    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    /// Breaks text at spaces into lines of at most `limit` characters (longer words stand on their own line).
    static func wrap(_ text: String, limit: Int = charactersPerLine) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= limit {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A number for an SVG attribute: at most one decimal, a point, no trailing `.0`, so output is stable.
    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return sign + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }

    /// Lines of text starting at `y`, each its own `tspan`, so long labels wrap instead of running off the chart.
    static func textLines(_ lines: [String], x: Double, y: Double, bold: Bool = false, italic: Bool = false) -> HTMLNode {
        var attributes: [(String, String)] = [("x", coordinate(x)), ("y", coordinate(y)), ("fill", text),
                                              ("font-size", coordinate(fontSize))]
        if bold { attributes.append(("font-weight", "bold")) }
        if italic { attributes.append(("font-style", "italic")) }
        let spans = lines.enumerated().map { index, line in
            HTMLNode.element("tspan", [("x", coordinate(x)), ("dy", index == 0 ? "0" : coordinate(lineHeight))], [.text(line)])
        }
        return .element("text", attributes, spans)
    }

    /// The `svg` element: an image named by its `title` and described by its `desc`, scaled by the stylesheet.
    static func svg(id: String, height: Double, title: String, description: String, content: [HTMLNode]) -> HTMLNode {
        .element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", "diagramm"), ("role", "img"),
            ("viewBox", "0 0 \(coordinate(width)) \(coordinate(height))"),
            ("aria-labelledby", "\(id)-titel \(id)-beschreibung"),
        ], [
            .element("title", [("id", "\(id)-titel")], [.text(title)]),
            .element("desc", [("id", "\(id)-beschreibung")], [.text(description)]),
        ] + content)
    }
}
