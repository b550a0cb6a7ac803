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
        // Date labels go in two rows; a label is written only where it keeps clear of the last one in its row, so no
        // two overlap (the table names every date). The first and the last date are placed first.
        let order = dates.count > 1 ? [dates[0], dates[dates.count - 1]] + dates.dropFirst().dropLast() : dates
        var placed: [(PartialDate, Double, Int)] = []
        for date in order {
            let text = GermanFormat.date(date)
            let width = Double(text.count) * ChartStyle.fontSize * 0.6
            let labelX = min(max(x(date) - width / 2, 0), ChartStyle.width - width)
            let clear: (Int) -> Bool = { row in
                !placed.contains { $0.2 == row && labelX < $0.1 + Double(GermanFormat.date($0.0).count) * ChartStyle.fontSize * 0.6 + 6
                    && $0.1 < labelX + width + 6 }
            }
            guard let row = [0, 1].first(where: clear) else { continue }
            placed.append((date, labelX, row))
        }
        for date in dates {
            content.append(.element("line", coordinates(x(date), bottom, x(date), bottom + 4) + [("stroke", ChartStyle.axis)]))
        }
        for (date, labelX, row) in placed.sorted(by: { $0.0 < $1.0 }) {
            content.append(ChartStyle.textLines([GermanFormat.date(date)], x: labelX, y: bottom + 20 + Double(row) * ChartStyle.lineHeight))
        }
        // A date of month or year precision can mean any day of it: a span under the axis shows how far.
        let dayX: (Int) -> Double = { day in
            last > first ? left + 8 + (right - left - 16) * (Double(day) - first) / (last - first) : (left + right) / 2
        }

        var legendY = bottom + 20 + 2 * ChartStyle.lineHeight + 8
        for (index, series) in series.enumerated() {
            let colour = ChartStyle.colour(index)
            let points = series.points.sorted { LineChart.time($0.date) < LineChart.time($1.date) }
            // The line breaks at an unknown value: only neighbours that are both known are joined.
            var run: [String] = []
            var valueLabelEnd = -Double.infinity
            func flush() {
                if run.count >= 2 {
                    content.append(.element("polyline", [("points", run.joined(separator: " ")), ("fill", "none"),
                                                         ("stroke", colour), ("stroke-width", "2.5"), ("class", ChartStyle.colourClass(index))]))
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
                if point.date.earliestDay != point.date.latestDay {
                    let from = max(dayX(point.date.earliestDay.dayNumber), left), to = min(dayX(point.date.latestDay.dayNumber), right)
                    content.append(.element("line", coordinates(from, y(middle), to, y(middle))
                                            + [("stroke", colour), ("stroke-width", "2"), ("stroke-opacity", "0.6"),
                                               ("class", ChartStyle.colourClass(index))]))
                }
                if high > low {
                    content.append(.element("line", coordinates(x(point.date), y(low), x(point.date), y(high))
                                            + [("stroke", colour), ("stroke-width", "5"), ("class", ChartStyle.colourClass(index))]))
                }
                content.append(LineChart.marker(index, x: x(point.date), y: y(middle), colour: colour))
                // A single line carries its values, beside and above its marker, where they keep clear of the one before
                // (the table has every value); with several lines, labels would collide.
                if self.series.count == 1 {
                    let text = GermanFormat.value(point.value, reasons: false)
                    let width = Double(text.count) * ChartStyle.fontSize * 0.6
                    let labelX = min(max(x(point.date) + 8, 0), ChartStyle.width - width)
                    if labelX >= valueLabelEnd + 4 {
                        content.append(ChartStyle.textLines([text], x: labelX, y: max(y(high) - 10, top - 4)))
                        valueLabelEnd = labelX + width
                    }
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
            ? [("fill", colour), ("class", ChartStyle.colourClass(index))]
            : [("fill", "#ffffff"), ("stroke", colour), ("stroke-width", "2"), ("class", "hohl " + ChartStyle.colourClass(index))]
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
