import Comparison
import Domain

/// The distribution of a peer group in one row of a peer view: each peer's value as a hollow circle on one axis (a
/// range as a short band, a lower bound as a dashed line to the axis end), the quartiles as a box with the median,
/// and the subject marked as a filled diamond and named in text. Peers without a known value, and peers counting in
/// another unit, are counted under the drawing, never drawn as zero. With fewer known values than
/// `PeerGroup.minimumForQuartiles` there is no box: the values are written out with their names instead.
///
/// Text, axis and box are `currentColor`; the circles and the diamond carry the classes `farbe-0` and `farbe-1`, so
/// the stylesheet gives them the dark scheme's and the forced colours' values, as for the bar charts.
struct StripPlot: Sendable {
    /// A value's place on the axis: a point, a range, or a lower bound open upwards.
    struct Position: Equatable {
        var low: Double
        var high: Double
        var open: Bool
    }

    /// How a row's values are measured: in percent, or as amounts of one unit ("" for plain counts).
    enum Scale: Hashable {
        case percent
        case amount(String)
    }

    let title: String
    let label: String
    let subjectName: String
    let subject: FigureValue
    let peers: [PeerValue]
    /// The row's statistics as the report computed them (lower quartile, median, upper quartile), where it did.
    let quartiles: [FigureValue]
    /// The peers the statistics count that have a position.
    let drawnPeers: [(PeerValue, Position)]
    /// The one scale of the drawn values, or nil where they have none (two units, a negative value, nothing known).
    let scale: Scale?
    /// The end of the axis: 100 for shares, else a round number at or above the largest value (further where a
    /// lower bound is open upwards, so its dashed line ends at the axis and not at a value).
    let axisEnd: Double
    /// The peers counted but not drawn (no known value), and those left out because they count in another unit.
    let withoutValue: [PeerValue]
    let otherUnit: [PeerValue]

    /// Works out once what the drawing and its text read several times: a page of a large group draws many rows.
    init(title: String, label: String, subjectName: String, subject: FigureValue, peers: [PeerValue], quartiles: [FigureValue]) {
        self.title = title
        self.label = label
        self.subjectName = subjectName
        self.subject = subject
        self.peers = peers
        self.quartiles = quartiles
        var drawn: [(PeerValue, Position)] = []
        var withoutValue: [PeerValue] = [], otherUnit: [PeerValue] = []
        var scales = Set<Scale>()
        for peer in peers {
            if !peer.counted {
                otherUnit.append(peer)
            } else if let (scale, position) = StripPlot.position(peer.value) {
                drawn.append((peer, position))
                scales.insert(scale)
            } else {
                withoutValue.append(peer)
            }
        }
        drawnPeers = drawn
        self.withoutValue = withoutValue
        self.otherUnit = otherUnit
        let own = StripPlot.position(subject)
        if let own { scales.insert(own.0) }
        if scales.count > 1 { scales.remove(.amount("")) }
        if scales.count == 1, !drawn.isEmpty, drawn.allSatisfy({ $0.1.low >= 0 }), (own?.1.low ?? 0) >= 0 {
            scale = scales.first
        } else {
            scale = nil
        }
        if scale == .percent {
            axisEnd = 100
        } else {
            let positions = drawn.map(\.1) + (own.map { [$0.1] } ?? [])
            let highest = positions.map(\.high).max() ?? 0
            axisEnd = BarChart.roundUp(positions.contains(where: \.open) ? highest * 1.2 : highest)
        }
    }

    /// The scale and position of a value; nil for one without a position (unknown, not applicable, a date, "keine
    /// genannt").
    static func position(_ value: FigureValue) -> (Scale, Position)? {
        switch value {
        case .count(0, .atLeast): return nil
        case .count(let count, let qualifier):
            return (.amount(""), Position(low: Double(count), high: Double(count), open: qualifier == .atLeast))
        case .share(let numerator, let denominator, let qualifier):
            guard denominator > 0 else { return nil }
            let percent = Double(numerator) / Double(denominator) * 100
            return (.percent, Position(low: percent, high: percent, open: qualifier == .atLeast))
        case .number(let number, let unit, let qualifier):
            return (unit == IndicatorUnit.percent.rawValue ? .percent : .amount(unit),
                    Position(low: number, high: number, open: qualifier == .atLeast))
        case .interval(let low, let high, let unit):
            return (unit == IndicatorUnit.percent.rawValue ? .percent : .amount(unit), Position(low: low, high: high, open: false))
        case .date, .unknown, .notApplicable: return nil
        }
    }

    var isDrawable: Bool { scale != nil }

    /// Whether an axis of amounts up to `bins` holds whole numbers only: then a large group is counted per number.
    var wholeNumbers: Bool {
        guard case .amount = scale, axisEnd <= Double(StripPlot.bins) else { return false }
        return drawnPeers.allSatisfy { $0.1.low == $0.1.low.rounded() && $0.1.high == $0.1.high.rounded() }
    }

    /// Whether the group is drawn as counts per part of the axis rather than one circle per peer.
    var isBinned: Bool { drawnPeers.count > StripPlot.circleLimit }


    /// The unit written after the axis numbers.
    var unitText: String {
        switch scale {
        case .percent: return "\u{a0}%"
        case .amount(let unit): return GermanFormat.unitSuffix(unit)
        case nil: return ""
        }
    }

    /// Whether the box of the quartiles is drawn: the report computed them (enough known values).
    var quartileBounds: [ClosedRange<Double>]? {
        let bounds = quartiles.compactMap(\.bounds)
        return bounds.count == 3 ? bounds : nil
    }

    /// The drawing's text alternative: the subject, the group's spread and statistics, and what is not drawn.
    var description: String {
        var text = subjectName + ": " + GermanFormat.value(subject, reasons: false) + ". "
        let drawn = drawnPeers
        let lowest = drawn.map(\.1.low).min() ?? 0, highest = drawn.map(\.1.high).max() ?? 0
        text += "Vergleichsgruppe: " + GermanFormat.integer(drawn.count) + (drawn.count == 1 ? " bekannter Wert" : " bekannte Werte")
        if !drawn.isEmpty {
            text += " von " + GermanFormat.number(PeerValueRounding.tenth(lowest)) + " bis "
                + GermanFormat.number(PeerValueRounding.tenth(highest)) + unitText
        }
        if quartileBounds != nil {
            text += "; " + zip(PeerStatistic.allCases, quartiles).map { $0.0.germanName + " " + GermanFormat.value($0.1, reasons: false) }
                .joined(separator: ", ")
        } else {
            text += "; " + drawn.map { $0.0.name + " " + GermanFormat.value($0.0.value, reasons: false) }.joined(separator: ", ")
        }
        return text + "." + notDrawn.map { " " + $0 } .joined()
    }

    /// "Nicht gezeichnet: 2 ohne bekannten Wert (Stadt A, Stadt B); 1 zählt in anderer Einheit (Stadt C)."
    var notDrawn: [String] {
        var parts: [String] = []
        func names(_ peers: [PeerValue]) -> String {
            peers.count <= StripPlot.namedLimit ? " (" + GermanFormat.list(peers.map(\.name)) + ")" : ""
        }
        if !withoutValue.isEmpty { parts.append(GermanFormat.integer(withoutValue.count) + " ohne bekannten Wert" + names(withoutValue)) }
        if !otherUnit.isEmpty {
            parts.append(GermanFormat.integer(otherUnit.count) + (otherUnit.count == 1 ? " zählt" : " zählen") + " in anderer Einheit"
                + names(otherUnit))
        }
        return parts.isEmpty ? [] : ["Nicht gezeichnet: " + parts.joined(separator: "; ") + "."]
    }

    /// The most peers named one by one under a drawing.
    static let namedLimit = 8
    /// The most peers drawn one by one; a larger group is drawn as counts in `bins` parts of the axis, so that a page's
    /// size does not grow with its group.
    static let circleLimit = 60
    static let bins = 40

    func svg(id: String) -> HTMLNode {
        let left = 8.0, span = ChartStyle.width - 2 * left
        let end = axisEnd
        func x(_ value: Double) -> Double { left + span * min(max(value, 0), end) / (end > 0 ? end : 1) }
        var content: [HTMLNode] = []
        var y = ChartStyle.lineHeight
        let heading = ChartStyle.wrap(label, limit: ChartStyle.boldCharactersPerLine)
        content.append(ChartStyle.textLines(heading, x: left, y: y, bold: true))
        y += Double(heading.count) * ChartStyle.lineHeight
        let scaleText = "Skala 0 bis " + GermanFormat.number(end) + unitText
        content.append(ChartStyle.textLines([scaleText], x: left, y: y))
        y += 10

        // The band of the peers: four lanes, so that neighbouring values stay apart.
        let lanes = 4, laneHeight = 9.0
        let top = y, bottom = y + Double(lanes) * laneHeight + 6
        let binned = isBinned
        if binned {
            // Many peers: how many fall into each part of the axis, as bars from the band's foot (a range counts at its
            // middle, a lower bound at itself), so that the drawing stays the same size for any group. Whole numbers
            // on a short axis (projects in a year) are counted per number, each bar centred on it.
            let perNumber = wholeNumbers
            let parts = perNumber ? Int(end) + 1 : StripPlot.bins
            var counts = Array(repeating: 0, count: parts)
            for (_, position) in drawnPeers {
                let value = position.open ? position.low : (position.low + position.high) / 2
                let index = perNumber ? Int(value.rounded()) : Int(value / (end > 0 ? end : 1) * Double(parts))
                counts[min(parts - 1, max(0, index))] += 1
            }
            let most = Double(counts.max() ?? 1)
            let width = perNumber ? span / Double(parts) : span / Double(parts)
            for (index, count) in counts.enumerated() where count > 0 {
                let height = max(2, (bottom - top) * Double(count) / most)
                let start = perNumber ? min(max(x(Double(index)) - width / 2, left), left + span - width) : left + Double(index) * width
                content.append(.element("rect", [
                    ("x", ChartStyle.coordinate(start + 0.5)), ("y", ChartStyle.coordinate(bottom - height)),
                    ("width", ChartStyle.coordinate(max(width - 1, 1))), ("height", ChartStyle.coordinate(height)),
                    ("fill", ChartStyle.colour(0)), ("class", ChartStyle.colourClass(0)),
                ]))
            }
        }
        if let bounds = quartileBounds {
            // The box from the lower quartile's lower bound to the upper quartile's upper bound; the median a thick
            // line (a band where it is a range).
            let boxLeft = x(bounds[0].lowerBound), boxRight = max(x(bounds[2].upperBound), boxLeft + 1)
            content.append(.element("rect", [
                ("x", ChartStyle.coordinate(boxLeft)), ("y", ChartStyle.coordinate(top)),
                ("width", ChartStyle.coordinate(boxRight - boxLeft)), ("height", ChartStyle.coordinate(bottom - top)),
                ("fill", "none"), ("stroke", ChartStyle.axis), ("stroke-width", "1.5"),
            ]))
            let medianLeft = x(bounds[1].lowerBound), medianRight = max(x(bounds[1].upperBound), medianLeft + 3)
            content.append(.element("rect", [
                ("x", ChartStyle.coordinate(medianLeft - 1.5)), ("y", ChartStyle.coordinate(top)),
                ("width", ChartStyle.coordinate(medianRight - medianLeft)), ("height", ChartStyle.coordinate(bottom - top)),
                ("fill", ChartStyle.axis),
            ]))
        }
        let peerPaint: [(String, String)] = [("stroke", ChartStyle.colour(0)), ("class", ChartStyle.colourClass(0) + " hohl")]
        for (index, (_, position)) in drawnPeers.enumerated() where !binned {
            let laneY = top + 7 + Double(index % lanes) * laneHeight
            if position.open {
                content.append(.element("line", [
                    ("x1", ChartStyle.coordinate(x(position.low))), ("y1", ChartStyle.coordinate(laneY)),
                    ("x2", ChartStyle.coordinate(left + span)), ("y2", ChartStyle.coordinate(laneY)),
                    ("stroke", ChartStyle.colour(0)), ("class", ChartStyle.colourClass(0)), ("stroke-width", "1.5"),
                    ("stroke-dasharray", "4 3"),
                ]))
            } else if position.high > position.low {
                content.append(.element("line", [
                    ("x1", ChartStyle.coordinate(x(position.low))), ("y1", ChartStyle.coordinate(laneY)),
                    ("x2", ChartStyle.coordinate(x(position.high))), ("y2", ChartStyle.coordinate(laneY)),
                    ("stroke", ChartStyle.colour(0)), ("class", ChartStyle.colourClass(0)), ("stroke-width", "3"),
                ]))
            }
            content.append(.element("circle", [
                ("cx", ChartStyle.coordinate(x(position.low))), ("cy", ChartStyle.coordinate(laneY)), ("r", "3.5"),
                ("stroke-width", "1.5"),
            ] + peerPaint))
        }
        // The axis with its ends and middle.
        let axisY = bottom + 4
        content.append(.element("line", [
            ("x1", ChartStyle.coordinate(left)), ("y1", ChartStyle.coordinate(axisY)),
            ("x2", ChartStyle.coordinate(left + span)), ("y2", ChartStyle.coordinate(axisY)),
            ("stroke", ChartStyle.axis), ("stroke-width", "1"),
        ]))
        for (value, anchor) in [(0.0, "start"), (end / 2, "middle"), (end, "end")] {
            content.append(.element("line", [
                ("x1", ChartStyle.coordinate(x(value))), ("y1", ChartStyle.coordinate(axisY)),
                ("x2", ChartStyle.coordinate(x(value))), ("y2", ChartStyle.coordinate(axisY + 5)),
                ("stroke", ChartStyle.axis), ("stroke-width", "1"),
            ]))
            content.append(.element("text", [
                ("x", ChartStyle.coordinate(x(value))), ("y", ChartStyle.coordinate(axisY + 19)), ("fill", ChartStyle.text),
                ("font-size", ChartStyle.coordinate(ChartStyle.fontSize - 1)), ("text-anchor", anchor),
            ], [.text(GermanFormat.number(value) + (value == end ? unitText : ""))]))
        }
        y = axisY + 19

        // The subject: a line through the band and a diamond under the axis, named in the line below.
        if let (_, own) = StripPlot.position(subject) {
            let ownX = x(own.low), ownEnd = own.open ? left + span : x(own.high)
            let subjectPaint: [(String, String)] = [("class", ChartStyle.colourClass(1))]
            // Dashed, so that it differs from the median's solid bar also where both are one colour (forced colours).
            content.append(.element("line", [
                ("x1", ChartStyle.coordinate(ownX)), ("y1", ChartStyle.coordinate(top - 4)),
                ("x2", ChartStyle.coordinate(ownX)), ("y2", ChartStyle.coordinate(axisY)),
                ("stroke", ChartStyle.colour(1)), ("stroke-width", "2.5"), ("stroke-dasharray", "5 3"),
            ] + subjectPaint))
            if ownEnd > ownX + 1 {
                content.append(.element("line", [
                    ("x1", ChartStyle.coordinate(ownX)), ("y1", ChartStyle.coordinate(top - 4)),
                    ("x2", ChartStyle.coordinate(ownEnd)), ("y2", ChartStyle.coordinate(top - 4)),
                    ("stroke", ChartStyle.colour(1)), ("stroke-width", "2.5"),
                ] + (own.open ? [("stroke-dasharray", "6 4")] : []) + subjectPaint))
            }
            y += 14
            let diamondY = y
            content.append(.element("path", [
                ("d", "M\(ChartStyle.coordinate(ownX)) \(ChartStyle.coordinate(diamondY - 7))L\(ChartStyle.coordinate(ownX + 7)) "
                    + "\(ChartStyle.coordinate(diamondY))L\(ChartStyle.coordinate(ownX)) \(ChartStyle.coordinate(diamondY + 7))L"
                    + "\(ChartStyle.coordinate(ownX - 7)) \(ChartStyle.coordinate(diamondY))Z"),
                ("fill", ChartStyle.colour(1)),
            ] + subjectPaint))
            y += 8
        }
        var lines = ChartStyle.wrap("◆ " + subjectName + ": " + GermanFormat.value(subject, reasons: false))
        lines += ChartStyle.wrap((binned ? "▮ Vergleichskommunen: " + GermanFormat.integer(drawnPeers.count) + ", gezählt je "
                + (wholeNumbers ? "Wert" : "Abschnitt von " + GermanFormat.number(end / Double(StripPlot.bins)) + unitText)
                : "○ Vergleichskommunen: " + GermanFormat.integer(drawnPeers.count)
                + " gezeichnet") + (quartileBounds != nil ? "; Kasten: Quartile, Strich: Median" : ""))
        if quartileBounds == nil {
            // Too few values for quartiles: each with its name.
            for (peer, _) in drawnPeers { lines += ChartStyle.wrap("○ " + peer.name + ": " + GermanFormat.value(peer.value, reasons: false)) }
        }
        for text in notDrawn { lines += ChartStyle.wrap(text) }
        y += ChartStyle.lineHeight
        content.append(ChartStyle.textLines(lines, x: left, y: y))
        y += Double(lines.count - 1) * ChartStyle.lineHeight + 10
        return ChartStyle.svg(id: id, height: y, title: title + ": " + label, description: description, content: content)
    }
}

/// Statistics are rounded to tenths (as the report's quartiles are); so is the spread a text alternative names.
enum PeerValueRounding {
    static func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
