import Comparison
import Domain

/// Horizontal bars comparing participants, one group per row of a metric: a bar for a count, share or number,
/// a range for bounds, and a labelled gap (never a zero bar) for a value that is unknown or does not apply.
///
/// Each group has its own scale (a share runs to 100 %, a count to the group's largest value), because the rows
/// of a metric count different things; the scale is written next to the group's label.
struct BarChart: Sendable {
    struct Bar: Sendable {
        var label: String
        var value: FigureValue
        var colourIndex: Int
    }

    struct Group: Sendable {
        var label: String
        var bars: [Bar]
        /// False where the values count in different units (`MetricRow.sideBySide`): such a row stays in the table.
        var sideBySide = true
    }

    var title: String
    var groups: [Group]

    /// How a group's values are measured: in percent, or as amounts of one unit (a count has none of its own and
    /// goes with any unit, so "283" and "41 bis 245 LeiKa-Leistungen" share a scale).
    private enum Scale: Hashable {
        case percent
        case amount(unit: String)
    }

    /// A value's position on its scale: a point from zero, a lower bound ("mind. 34": a bar that may go on), or a range.
    private enum Mark {
        case bar(Double)
        case atLeast(Double)
        case range(Double, Double)
        case gap
    }

    private static func mark(_ value: FigureValue) -> (Scale?, Mark) {
        switch value {
        // "None named" is a list that is silent, not a measured zero: a gap, like unknown.
        case .count(0, .atLeast): return (nil, .gap)
        case .count(let count, let qualifier):
            return (.amount(unit: ""), qualifier == .atLeast ? .atLeast(Double(count)) : .bar(Double(count)))
        case .share(let numerator, let denominator, let qualifier):
            guard denominator > 0 else { return (nil, .gap) }
            let percent = Double(numerator) / Double(denominator) * 100
            return (.percent, qualifier == .atLeast ? .atLeast(percent) : .bar(percent))
        case .number(let number, let unit, _):
            return unit == IndicatorUnit.percent.rawValue ? (.percent, .bar(number)) : (.amount(unit: unit), .bar(number))
        case .interval(let low, let high, let unit):
            return unit == IndicatorUnit.percent.rawValue ? (.percent, .range(low, high)) : (.amount(unit: unit), .range(low, high))
        case .date, .unknown, .notApplicable: return (nil, .gap)
        }
    }

    /// The one scale a group's values share, or nil where they do not (a share next to a count, two units).
    private static func scale(of marks: [(Scale?, Mark)]) -> Scale? {
        var scales = Set(marks.compactMap(\.0))
        if scales.count > 1 { scales.remove(.amount(unit: "")) }
        return scales.count == 1 ? scales.first : nil
    }

    /// The groups that can be drawn: at least one value with a position, one scale, nothing below zero.
    var drawableGroups: [Group] {
        groups.filter { group in
            guard group.sideBySide else { return false }
            let marks = group.bars.map { BarChart.mark($0.value) }
            let negative = marks.contains { mark in
                switch mark.1 {
                case .bar(let value), .atLeast(let value): return value < 0
                case .range(let low, _): return low < 0
                case .gap: return false
                }
            }
            return BarChart.scale(of: marks) != nil && !negative
        }
    }

    /// What the chart shows and how to read it, for the figure's caption.
    var caption: String {
        let count = drawableGroups.count
        // Rows kept apart because of their units (rows with nothing to draw need no explanation).
        let apart = groups.filter { group in
            !group.sideBySide && group.bars.contains { if case .gap = BarChart.mark($0.value).1 { false } else { true } }
        }.map { "„" + $0.label + "“" }
        let tableOnly = apart.isEmpty ? "" : " "
            + (apart.count == 1 ? "Die Zeile " + apart[0] + " zählt" : "Die Zeilen " + GermanFormat.list(apart) + " zählen")
            + " in verschiedenen Zähleinheiten und steh" + (apart.count == 1 ? "t" : "en") + " deshalb nur in der Tabelle."
        // How to read the marks the chart has: a range, a lower bound, a gap.
        let marks = drawableGroups.flatMap { $0.bars.map { BarChart.mark($0.value).1 } }
        var reading = ["jede Zeile mit eigener Skala"]
        if marks.contains(where: { if case .range = $0 { true } else { false } }) {
            reading.append("eine Spanne ist als Band zwischen Unter- und Obergrenze gezeichnet")
        }
        if marks.contains(where: { if case .atLeast = $0 { true } else { false } }) {
            reading.append("eine Untergrenze („mind.“) als Balken mit gestrichelter Fortsetzung")
        }
        if marks.contains(where: { if case .gap = $0 { true } else { false } }) {
            reading.append("ein unbekannter Wert als beschriftete Lücke")
        }
        return "Diagramm „\(title)“: " + (count == 1 ? "eine Zeile" : "\(count) Zeilen") + " der Tabelle als Balken, "
            + reading.joined(separator: "; ") + "." + tableOnly + " Alle Zahlen mit Quellen stehen in der Tabelle."
    }

    /// The chart's text alternative: every value, in words, in the order drawn.
    var summary: String {
        drawableGroups.map { group in
            group.label + ": " + group.bars.map { $0.label + " " + GermanFormat.value($0.value) }.joined(separator: "; ")
        }.joined(separator: ". ") + "."
    }

    func svg(id: String) -> HTMLNode {
        let left = 4.0, barHeight = 18.0
        let span = ChartStyle.width - 2 * left
        var y = 0.0
        var content: [HTMLNode] = []
        for group in drawableGroups {
            let marks = group.bars.map { BarChart.mark($0.value) }
            let scale = BarChart.scale(of: marks) ?? .percent
            let maximum: Double
            switch scale {
            case .percent: maximum = 100
            case .amount:
                maximum = marks.map { mark -> Double in
                    switch mark.1 {
                    case .bar(let value), .atLeast(let value): return value
                    case .range(_, let high): return high
                    case .gap: return 0
                    }
                }.max() ?? 0
            }
            let scaleText: String
            switch scale {
            case .percent: scaleText = "Skala 0 bis 100 %"
            case .amount(let unit):
                scaleText = "Skala 0 bis " + GermanFormat.number(maximum) + GermanFormat.unitSuffix(unit)
            }
            let labelLines = ChartStyle.wrap(group.label + " (" + scaleText + ")", limit: ChartStyle.boldCharactersPerLine)
            y += ChartStyle.lineHeight
            content.append(ChartStyle.textLines(labelLines, x: left, y: y, bold: true))
            y += Double(labelLines.count - 1) * ChartStyle.lineHeight + 6
            for (bar, mark) in zip(group.bars, marks) {
                let textLines = ChartStyle.wrap(bar.label + ": " + GermanFormat.value(bar.value, reasons: false))
                y += ChartStyle.lineHeight
                content.append(ChartStyle.textLines(textLines, x: left, y: y))
                y += Double(textLines.count - 1) * ChartStyle.lineHeight + 6
                let colour = ChartStyle.colour(bar.colourIndex)
                let position: (Double) -> Double = { maximum > 0 ? left + span * min($0, maximum) / maximum : left }
                // The zero line shows where every bar starts, so a range that starts later reads as a range.
                content.append(.element("line", [
                    ("x1", ChartStyle.coordinate(left)), ("y1", ChartStyle.coordinate(y - 2)),
                    ("x2", ChartStyle.coordinate(left)), ("y2", ChartStyle.coordinate(y + barHeight + 2)),
                    ("stroke", ChartStyle.axis), ("stroke-width", "1"),
                ]))
                switch mark.1 {
                case .bar(let value):
                    content.append(.element("rect", [
                        ("x", ChartStyle.coordinate(left)), ("y", ChartStyle.coordinate(y)),
                        ("width", ChartStyle.coordinate(max(position(value) - left, 1))),
                        ("height", ChartStyle.coordinate(barHeight)), ("fill", colour),
                    ]))
                case .atLeast(let value):
                    // The bar up to the bound, then a dashed line to the end of the scale: the true value may lie there.
                    let end = max(position(value), left + 1)
                    content.append(.element("rect", [
                        ("x", ChartStyle.coordinate(left)), ("y", ChartStyle.coordinate(y)),
                        ("width", ChartStyle.coordinate(end - left)), ("height", ChartStyle.coordinate(barHeight)), ("fill", colour),
                    ]))
                    if end < left + span {
                        content.append(.element("line", [
                            ("x1", ChartStyle.coordinate(end)), ("y1", ChartStyle.coordinate(y + barHeight / 2)),
                            ("x2", ChartStyle.coordinate(left + span)), ("y2", ChartStyle.coordinate(y + barHeight / 2)),
                            ("stroke", colour), ("stroke-width", "3"), ("stroke-dasharray", "6 4"),
                        ]))
                    }
                case .range(let low, let high):
                    let start = position(low), end = max(position(high), start + 2)
                    content.append(.element("line", [
                        ("x1", ChartStyle.coordinate(left)), ("y1", ChartStyle.coordinate(y + barHeight / 2)),
                        ("x2", ChartStyle.coordinate(start)), ("y2", ChartStyle.coordinate(y + barHeight / 2)),
                        ("stroke", ChartStyle.axis), ("stroke-width", "1"), ("stroke-dasharray", "3 3"),
                    ]))
                    content.append(.element("rect", [
                        ("x", ChartStyle.coordinate(start)), ("y", ChartStyle.coordinate(y + 4)),
                        ("width", ChartStyle.coordinate(end - start)), ("height", ChartStyle.coordinate(barHeight - 8)),
                        ("fill", colour),
                    ]))
                    for edge in [start, end] {
                        content.append(.element("line", [
                            ("x1", ChartStyle.coordinate(edge)), ("y1", ChartStyle.coordinate(y)),
                            ("x2", ChartStyle.coordinate(edge)), ("y2", ChartStyle.coordinate(y + barHeight)),
                            ("stroke", colour), ("stroke-width", "3"),
                        ]))
                    }
                case .gap:
                    content.append(ChartStyle.textLines(["(kein Balken: " + GermanFormat.value(bar.value, reasons: false) + ")"],
                                                        x: left + 8, y: y + barHeight - 4, italic: true))
                }
                y += barHeight + 8
            }
            y += 10
        }
        return ChartStyle.svg(id: id, height: y, title: title, description: summary, content: content)
    }
}
