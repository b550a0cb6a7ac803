import Comparison
import Domain

/// Horizontal bars comparing participants, one group per row of a metric: a bar for a count, share or number,
/// a range for bounds, and a labelled gap (never a zero bar) for a value that is unknown or does not apply.
///
/// Shares run on one 0–100 % axis. Amounts of the same unit share one scale across the chart (its largest value), so
/// that bars of different rows can be read against each other; where a lower bound ("mind. 34") is drawn, the scale
/// runs on past the largest value and the bound goes on, dashed, to the axis end with an open end: it is never cut at
/// another side's value. A row whose values count in different units (`sideBySide` false) is drawn as small
/// multiples: each value on its own scale, labelled with its unit. The scale is written next to each group's label.
struct BarChart: Sendable {
    struct Bar: Sendable {
        var label: String
        var value: FigureValue
        var colourIndex: Int
        /// The counting unit of the value where the row's units differ ("OZG-Leistungen"), for its own scale's label.
        var unit: String? = nil
    }

    struct Group: Sendable {
        var label: String
        var bars: [Bar]
        /// False where the values count in different units (`MetricRow.sideBySide`): such a row stays in the table.
        var sideBySide = true
    }

    var title: String
    var groups: [Group]
    /// Whether the rows' amounts count the same thing (projects), so that rows of one unit share a scale; otherwise
    /// each row has its own (shares always run 0–100 %).
    var sharedScale = false

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

    /// The groups that can be drawn: at least one value with a position, one scale (or, for a row in different units,
    /// a unit for each value), nothing below zero.
    var drawableGroups: [Group] {
        groups.filter { group in
            let marks = group.bars.map { BarChart.mark($0.value) }
            guard marks.contains(where: { if case .gap = $0.1 { false } else { true } }) else { return false }
            if !group.sideBySide {
                return group.bars.allSatisfy { bar in
                    if case .gap = BarChart.mark(bar.value).1 { return true }
                    return bar.unit != nil && BarChart.mark(bar.value).0 != nil
                } && !marks.contains { mark in
                    switch mark.1 {
                    case .bar(let value), .atLeast(let value): return value < 0
                    case .range(let low, _): return low < 0
                    case .gap: return false
                    }
                }
            }
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
        let drawn = Set(drawableGroups.map(\.label))
        // Rows kept apart because of their units (rows with nothing to draw need no explanation).
        let apart = groups.filter { group in
            !drawn.contains(group.label) && !group.sideBySide
                && group.bars.contains { if case .gap = BarChart.mark($0.value).1 { false } else { true } }
        }.map { "„" + $0.label + "“" }
        let multiples = drawableGroups.filter { !$0.sideBySide }.map { "„" + $0.label + "“" }
        let tableOnly = apart.isEmpty ? "" : " "
            + (apart.count == 1 ? "Die Zeile " + apart[0] + " zählt" : "Die Zeilen " + GermanFormat.list(apart) + " zählen")
            + " in verschiedenen Zähleinheiten und steh" + (apart.count == 1 ? "t" : "en") + " deshalb nur in der Tabelle."
        // How to read the marks the chart has: a range, a lower bound, a gap.
        let marks = drawableGroups.flatMap { $0.bars.map { BarChart.mark($0.value).1 } }
        var reading = ["Anteile auf einer Achse von 0 bis 100 %, " + (sharedScale ? "Anzahlen auf einer gemeinsamen Skala"
                                                                        : "Anzahlen jeder Zeile auf eigener Skala")]
        if !multiples.isEmpty {
            reading.append((multiples.count == 1 ? "die Zeile " + multiples[0] + " zählt" : "die Zeilen " + GermanFormat.list(multiples) + " zählen")
                + " in verschiedenen Einheiten: dort steht jeder Wert auf eigener Skala mit seiner Einheit")
        }
        if marks.contains(where: { if case .range = $0 { true } else { false } }) {
            reading.append("eine Spanne ist als Band zwischen Unter- und Obergrenze gezeichnet")
        }
        if marks.contains(where: { if case .atLeast = $0 { true } else { false } }) {
            reading.append("eine Untergrenze („mind.“) als Balken mit gestrichelter Fortsetzung bis zum Ende der Achse und offenem Ende (▷)")
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

    /// The largest value a scale must show: the highest bar, bound or range end.
    private static func highest(_ marks: [(Scale?, Mark)]) -> Double {
        marks.map { mark -> Double in
            switch mark.1 {
            case .bar(let value), .atLeast(let value): return value
            case .range(_, let high): return high
            case .gap: return 0
            }
        }.max() ?? 0
    }

    /// A round axis end at or above `value`: 1, 2, 2,5 or 5 times a power of ten.
    static func roundUp(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }

    /// The end of a scale: 100 for shares; for amounts the largest value, or, where a lower bound is open upwards,
    /// a round value past it, so the bound's continuation ends at the axis and not at another value.
    private static func axisEnd(_ scale: Scale, marks: [(Scale?, Mark)]) -> Double {
        if scale == .percent { return 100 }
        let highest = highest(marks)
        let open = marks.contains { if case .atLeast = $0.1 { true } else { false } }
        return open ? roundUp(highest * 1.2) : highest
    }

    /// The chart as small multiples: one drawing per row, each with its own title and text alternative, so that a
    /// page can set them side by side and a printed page never splits one. Rows of the same unit share their scale.
    func svgs(id: String) -> [HTMLNode] {
        let left = 4.0, barHeight = 18.0
        let span = ChartStyle.width - 2 * left - 10
        var y = 0.0
        var content: [HTMLNode] = []
        var drawings: [HTMLNode] = []
        let drawable = drawableGroups
        // Amounts of one unit share a scale across the chart: the end of each scale over all rows drawn side by side.
        var sharedMarks: [Scale: [(Scale?, Mark)]] = [:]
        let sideBySide = drawable.filter(\.sideBySide).map { group in group.bars.map { BarChart.mark($0.value) } }
        for marks in sideBySide where sharedScale {
            guard let scale = BarChart.scale(of: marks) else { continue }
            sharedMarks[scale, default: []].append(contentsOf: marks)
        }
        var ends: [Scale: Double] = [:]
        for (scale, marks) in sharedMarks { ends[scale] = BarChart.axisEnd(scale, marks: marks) }
        func scaleText(_ scale: Scale, _ end: Double, open: Bool) -> String {
            var text: String
            switch scale {
            case .percent: text = "Skala 0 bis 100 %"
            case .amount(let unit): text = "Skala 0 bis " + GermanFormat.number(end) + GermanFormat.unitSuffix(unit)
            }
            return text + (open ? "; gestrichelt: nach oben offen" : "")
        }
        for (number, group) in drawable.enumerated() {
            y = 0
            content = []
            let marks = group.bars.map { BarChart.mark($0.value) }
            let open = marks.contains { if case .atLeast = $0.1 { true } else { false } }
            let groupScale = BarChart.scale(of: marks) ?? .percent
            let heading = group.sideBySide
                ? group.label + " (" + scaleText(groupScale, ends[groupScale] ?? BarChart.axisEnd(groupScale, marks: marks), open: open) + ")"
                : group.label + " (verschiedene Einheiten: jeder Wert auf eigener Skala)"
            let labelLines = ChartStyle.wrap(heading, limit: ChartStyle.boldCharactersPerLine)
            y += ChartStyle.lineHeight
            content.append(ChartStyle.textLines(labelLines, x: left, y: y, bold: true))
            y += Double(labelLines.count - 1) * ChartStyle.lineHeight + 6
            for (bar, mark) in zip(group.bars, marks) {
                let scale = mark.0 ?? groupScale
                let maximum: Double
                var label = bar.label + ": " + GermanFormat.value(bar.value, reasons: false)
                if group.sideBySide {
                    maximum = ends[groupScale] ?? BarChart.axisEnd(groupScale, marks: marks)
                } else {
                    // A small multiple: the value on its own scale, named with its unit.
                    maximum = BarChart.axisEnd(scale, marks: [mark])
                    if case .gap = mark.1 {} else {
                        label += " " + (bar.unit ?? "") + " (" + scaleText(scale, maximum, open: false) + ")"
                    }
                }
                let textLines = ChartStyle.wrap(label)
                y += ChartStyle.lineHeight
                content.append(ChartStyle.textLines(textLines, x: left, y: y))
                y += Double(textLines.count - 1) * ChartStyle.lineHeight + 6
                let colour = ChartStyle.colour(bar.colourIndex)
                let paint: [(String, String)] = [("fill", colour), ("class", ChartStyle.colourClass(bar.colourIndex))]
                let stroke: [(String, String)] = [("stroke", colour), ("class", ChartStyle.colourClass(bar.colourIndex))]
                let position: (Double) -> Double = { maximum > 0 ? left + span * min($0, maximum) / maximum : left }
                // The zero line shows where every bar starts, so a range that starts later reads as a range; the end
                // line shows where the scale ends.
                for x in [left, left + span] {
                    content.append(.element("line", [
                        ("x1", ChartStyle.coordinate(x)), ("y1", ChartStyle.coordinate(y - 2)),
                        ("x2", ChartStyle.coordinate(x)), ("y2", ChartStyle.coordinate(y + barHeight + 2)),
                        ("stroke", ChartStyle.axis), ("stroke-width", "1"),
                    ] + (x == left ? [] : [("stroke-dasharray", "2 2")])))
                }
                switch mark.1 {
                case .bar(let value):
                    content.append(.element("rect", [
                        ("x", ChartStyle.coordinate(left)), ("y", ChartStyle.coordinate(y)),
                        ("width", ChartStyle.coordinate(max(position(value) - left, 1))),
                        ("height", ChartStyle.coordinate(barHeight)),
                    ] + paint))
                case .atLeast(let value):
                    // The bar up to the bound, then a dashed line to the end of the axis and an open arrowhead: the
                    // true value may lie anywhere above, also beyond the axis.
                    let end = max(position(value), left + 1)
                    content.append(.element("rect", [
                        ("x", ChartStyle.coordinate(left)), ("y", ChartStyle.coordinate(y)),
                        ("width", ChartStyle.coordinate(end - left)), ("height", ChartStyle.coordinate(barHeight)),
                    ] + paint))
                    let middle = y + barHeight / 2
                    content.append(.element("line", [
                        ("x1", ChartStyle.coordinate(end)), ("y1", ChartStyle.coordinate(middle)),
                        ("x2", ChartStyle.coordinate(left + span)), ("y2", ChartStyle.coordinate(middle)),
                        ("stroke-width", "3"), ("stroke-dasharray", "6 4"),
                    ] + stroke))
                    let tip = left + span + 8
                    content.append(.element("path", [
                        ("d", "M\(ChartStyle.coordinate(tip - 8)) \(ChartStyle.coordinate(middle - 6))L\(ChartStyle.coordinate(tip)) "
                            + "\(ChartStyle.coordinate(middle))L\(ChartStyle.coordinate(tip - 8)) \(ChartStyle.coordinate(middle + 6))"),
                        ("fill", "none"), ("stroke-width", "2"),
                    ] + stroke))
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
                    ] + paint))
                    for edge in [start, end] {
                        content.append(.element("line", [
                            ("x1", ChartStyle.coordinate(edge)), ("y1", ChartStyle.coordinate(y)),
                            ("x2", ChartStyle.coordinate(edge)), ("y2", ChartStyle.coordinate(y + barHeight)),
                            ("stroke-width", "3"),
                        ] + stroke))
                    }
                case .gap:
                    content.append(ChartStyle.textLines(["(kein Balken: " + GermanFormat.value(bar.value, reasons: false) + ")"],
                                                        x: left + 8, y: y + barHeight - 4, italic: true))
                }
                y += barHeight + 8
            }
            y += 4
            let description = group.label + ": " + group.bars.map { $0.label + " " + GermanFormat.value($0.value) }.joined(separator: "; ") + "."
            drawings.append(ChartStyle.svg(id: "\(id)-\(number + 1)", height: y, title: title + ": " + group.label,
                                           description: description, content: content))
        }
        return drawings
    }
}
