import Comparison
import Domain

/// Values over time: one line per series, points at their dates, bounds as vertical ranges, and a break in the
/// line with a label where a value is unknown (never a drop to zero).
///
/// Series are told apart by marker shape and by the legend's text, not by colour alone.
struct LineChart: Sendable {
    struct Point: Sendable {
        var date: PartialDate
        var value: FigureValue
    }

    struct Series: Sendable {
        var label: String
        var points: [Point]
    }

    var title: String
    var series: [Series]
    /// The unit of every value as it follows a number (" LeiKa-Leistungen", " €"); empty for plain counts.
    var unit: String

    /// A date's position in time: the middle of what it can mean, so a year sits mid-year.
    private static func time(_ date: PartialDate) -> Double {
        Double(date.earliestDay.dayNumber + date.latestDay.dayNumber) / 2
    }

    /// The value's extent on the vertical axis (shares in percent); nil where there is nothing to draw.
    private static func extent(_ value: FigureValue) -> (Double, Double)? {
        value.bounds.map { ($0.lowerBound, $0.upperBound) }
    }

    /// Whether there is a trend to draw: a series with values at two dates or more, and nothing below zero.
    var isDrawable: Bool {
        let values = series.flatMap { $0.points.compactMap { LineChart.extent($0.value) } }
        let trend = series.contains { series in Set(series.points.filter { LineChart.extent($0.value) != nil }.map(\.date)).count >= 2 }
        return trend && values.allSatisfy { $0.0 >= 0 }
    }

    /// The text alternative: each series with its values and dates, oldest first.
    var summary: String {
        series.map { series in
            series.label + ": " + series.points.map { GermanFormat.date($0.date) + " " + GermanFormat.value($0.value) }
                .joined(separator: ", ")
        }.joined(separator: ". ") + "."
    }

    func svg(id: String) -> HTMLNode {
        let left = 12.0, right = ChartStyle.width - 16
        // The scale is written out above the plot, so the axis needs no labels that could run into the lines.
        let highestValue = series.flatMap { $0.points.compactMap { LineChart.extent($0.value)?.1 } }.max() ?? 0
        let scaleLines = ChartStyle.wrap("Skala 0 bis " + GermanFormat.number(highestValue) + unit
                                         + " (gestrichelte Linie)")
        let top = Double(scaleLines.count) * ChartStyle.lineHeight + 16, bottom = top + 150
        let times = series.flatMap { $0.points.map { LineChart.time($0.date) } }
        let first = times.min() ?? 0, last = times.max() ?? 1
        let maximum = highestValue > 0 ? highestValue : 1
        let x: (PartialDate) -> Double = { last > first ? left + 8 + (right - left - 16) * (LineChart.time($0) - first) / (last - first) : (left + right) / 2 }
        let y: (Double) -> Double = { bottom - (bottom - top) * $0 / maximum }
        var content: [HTMLNode] = [ChartStyle.textLines(scaleLines, x: 4, y: ChartStyle.lineHeight)]

        content.append(.element("line", coordinates(left, bottom, right, bottom) + [("stroke", ChartStyle.axis)]))
        content.append(.element("line", coordinates(left, top, left, bottom) + [("stroke", ChartStyle.axis)]))
        content.append(.element("line", coordinates(left, top, right, top) + [("stroke", ChartStyle.axis), ("stroke-dasharray", "4 4")]))
        let dates = Array(Set(series.flatMap { $0.points.map(\.date) })).sorted()
        // Date labels alternate between two rows, so neighbouring dates never print over each other.
        for (index, date) in dates.enumerated() {
            let labelX = min(max(x(date) - 40, 0), ChartStyle.width - 90)
            content.append(.element("line", coordinates(x(date), bottom, x(date), bottom + 4) + [("stroke", ChartStyle.axis)]))
            content.append(ChartStyle.textLines([GermanFormat.date(date)], x: labelX, y: bottom + 20 + Double(index % 2) * ChartStyle.lineHeight))
        }

        var legendY = bottom + 20 + 2 * ChartStyle.lineHeight + 8
        for (index, series) in series.enumerated() {
            let colour = ChartStyle.colour(index)
            let points = series.points.sorted { LineChart.time($0.date) < LineChart.time($1.date) }
            // The line breaks at an unknown value: only neighbours that are both known are joined.
            var run: [String] = []
            func flush() {
                if run.count >= 2 {
                    content.append(.element("polyline", [("points", run.joined(separator: " ")), ("fill", "none"),
                                                         ("stroke", colour), ("stroke-width", "2.5")]))
                }
                run = []
            }
            for point in points {
                guard let (low, high) = LineChart.extent(point.value) else {
                    flush()
                    content.append(ChartStyle.textLines(["unbekannt"], x: min(max(x(point.date) - 36, 0), ChartStyle.width - 80),
                                                        y: bottom - 8, italic: true))
                    continue
                }
                let middle = (low + high) / 2
                run.append(ChartStyle.coordinate(x(point.date)) + "," + ChartStyle.coordinate(y(middle)))
                if high > low {
                    content.append(.element("line", coordinates(x(point.date), y(low), x(point.date), y(high))
                                            + [("stroke", colour), ("stroke-width", "5")]))
                }
                content.append(LineChart.marker(index, x: x(point.date), y: y(middle), colour: colour))
                // A single line carries its values; with several, labels would collide and the table has them.
                if self.series.count == 1 {
                    content.append(ChartStyle.textLines([GermanFormat.value(point.value, reasons: false)],
                                                        x: min(max(x(point.date) - 20, 0), ChartStyle.width - 70), y: y(high) - 10))
                }
            }
            flush()
            content.append(LineChart.marker(index, x: 10, y: legendY - 5, colour: colour))
            let lines = ChartStyle.wrap(series.label, limit: ChartStyle.charactersPerLine - 4)
            content.append(ChartStyle.textLines(lines, x: 22, y: legendY))
            legendY += Double(lines.count) * ChartStyle.lineHeight + 4
        }
        return ChartStyle.svg(id: id, height: legendY, title: title, description: summary, content: content)
    }

    private func coordinates(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> [(String, String)] {
        [("x1", ChartStyle.coordinate(x1)), ("y1", ChartStyle.coordinate(y1)),
         ("x2", ChartStyle.coordinate(x2)), ("y2", ChartStyle.coordinate(y2))]
    }

    /// A marker whose shape tells the series apart without colour: circle, square, triangle, diamond, filled for the
    /// first four series and outlined for the next four (the palette has four colours too, so series 5 must not look
    /// like series 1).
    private static func marker(_ index: Int, x: Double, y: Double, colour: String) -> HTMLNode {
        let c = ChartStyle.coordinate
        let paint: [(String, String)] = (index / 4) % 2 == 0
            ? [("fill", colour)]
            : [("fill", "#ffffff"), ("stroke", colour), ("stroke-width", "2")]
        switch index % 4 {
        case 0:
            return .element("circle", [("cx", c(x)), ("cy", c(y)), ("r", "5")] + paint)
        case 1:
            return .element("rect", [("x", c(x - 5)), ("y", c(y - 5)), ("width", "10"), ("height", "10")] + paint)
        case 2:
            return .element("path", [("d", "M\(c(x)) \(c(y - 6))L\(c(x + 6)) \(c(y + 5))L\(c(x - 6)) \(c(y + 5))Z")] + paint)
        default:
            return .element("path", [("d", "M\(c(x)) \(c(y - 6))L\(c(x + 6)) \(c(y))L\(c(x)) \(c(y + 6))L\(c(x - 6)) \(c(y))Z")] + paint)
        }
    }
}
