import Domain

/// The section "Entwicklung": every series a municipality has at two or more snapshots, with the change per year.
enum TrendsSection {
    /// One value of a series at one snapshot.
    struct Point: Sendable, Hashable {
        var date: PartialDate
        var value: FigureValue
        var sourceIDs: [String]
    }

    /// A series of one side: what it measures and its points, oldest first.
    struct Series: Sendable, Hashable {
        var key: String
        var label: String
        /// "pro Jahr" or "Prozentpunkte pro Jahr".
        var changeUnit: String
        var points: [Point]
    }

    /// Every series of a side, by key.
    static func series(of side: Side) -> [Series] {
        var result: [Series] = []
        let censuses = side.censuses.map(ServicesOnline.init)
        for unit in CountingUnit.allCases {
            let ofUnit = censuses.filter { $0.census.unit == unit }
            let totals = ofUnit.compactMap { figures in
                figures.inventory.map {
                    Point(date: figures.census.snapshot, value: $0.figureValue,
                          sourceIDs: figures.census.total == nil ? figures.census.sourceIDs : figures.census.totalSourceIDs)
                }
            }
            let online = ofUnit.compactMap { figures in
                figures.online.map { Point(date: figures.census.snapshot, value: $0.figureValue, sourceIDs: figures.onlineParts.flatMap(\.sourceIDs)) }
            }
            let shares = ofUnit.filter { $0.share.bounds != nil }.map {
                Point(date: $0.census.snapshot, value: $0.share, sourceIDs: $0.census.sourceIDs)
            }
            result.append(Series(key: "trend-total-\(unit.rawValue)", label: "Leistungen insgesamt (\(unit.germanName))",
                                 changeUnit: "pro Jahr", points: totals))
            result.append(Series(key: "trend-online-count-\(unit.rawValue)", label: "Online laut Kommune (\(unit.germanName))",
                                 changeUnit: "pro Jahr", points: online))
            result.append(Series(key: "trend-online-share-\(unit.rawValue)", label: "Anteil online laut Kommune (\(unit.germanName))",
                                 changeUnit: "Prozentpunkte pro Jahr", points: shares))
        }
        let hasCensusTotals = result.contains { $0.key == "trend-total-\(CountingUnit.ozgLeistung.rawValue)" && !$0.points.isEmpty }
        let grouped = Dictionary(grouping: side.dataset.indicators.filter { $0.value.value?.number != nil }) {
            [$0.indicator, $0.subject, $0.unit.rawValue, $0.period?.description ?? ""]
        }
        for (key, indicators) in grouped.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            // The total of OZG-Leistungen is already the census series "Leistungen insgesamt".
            if key[0] == KnownIndicator.ozgServicesResponsible && hasCensusTotals { continue }
            let first = indicators[0]
            let named = indicators.first { !$0.label.isEmpty } ?? first
            let label = KnownIndicator.labelWithSubject(of: named) + (first.period.map { " (Zeitraum \(GermanFormat.date($0)))" } ?? "")
            let points = indicators.sorted { $0.snapshot < $1.snapshot }.map {
                Point(date: $0.snapshot, value: side.figure($0).value, sourceIDs: [$0.sourceID])
            }
            let unit = first.unit == .percent ? "Prozentpunkte pro Jahr" : "pro Jahr"
            result.append(Series(key: "trend-" + key.filter { !$0.isEmpty }.joined(separator: "|"), label: label, changeUnit: unit,
                                 points: points))
        }
        return result.filter { !$0.points.isEmpty }
    }

    /// The change per year from the first to the last point; bounds where dates are partial or values are bounds.
    static func changePerYear(_ series: Series) -> FigureValue {
        guard let first = series.points.first, let last = series.points.last, series.points.count >= 2,
              let from = first.value.bounds, let to = last.value.bounds else {
            return .unknown(reason: "weniger als zwei bezifferte Stände")
        }
        let years = PartialDate.yearsBetween(first.date, last.date)
        guard years.lowerBound > 0 else { return .unknown(reason: "die Stände lassen sich zeitlich nicht trennen") }
        // "2023" and "2024" may lie a day or two years apart: a rate over a span that may be days long says nothing.
        if first.date.day == nil || last.date.day == nil, years.lowerBound < 1.0 / 12 {
            return .unknown(reason: "Stände nur mit Monat oder Jahr angegeben; ihr Abstand kann wenige Tage betragen")
        }
        // Bounds stand for two readings (e.g. with and without services of unknown scope); each is followed on its own.
        let changes = [to.lowerBound - from.lowerBound, to.upperBound - from.upperBound]
        let perYear = changes.flatMap { change in [change / years.lowerBound, change / years.upperBound] }
        let low = (perYear.min()! * 10).rounded() / 10, high = (perYear.max()! * 10).rounded() / 10
        return low == high ? .number(low, unit: series.changeUnit, .exact) : .interval(low: low, high: high, unit: series.changeUnit)
    }

    /// "258 (2023) → 283 (28.05.2024)".
    static func pointsText(_ series: Series) -> String {
        series.points.map { GermanFormat.value($0.value, reasons: false) + " (" + GermanFormat.date($0.date) + ")" }.joined(separator: " → ")
    }

    /// One series of a side as the section shows it.
    struct Entry: Sendable, Hashable, Codable {
        var key: String
        var label: String
        /// Whether the series has two or more points (a change can be computed).
        var multi: Bool
        var cell: Figure
    }

    /// What one side gives the section: everything `build` reads of it, so that a peer's part can be kept instead of
    /// its dataset (`PeerDigest`).
    struct Part: Sendable, Hashable, Codable {
        /// Every series of the side, in the order of `series(of:)`.
        var series: [Entry]
        /// Whether a series with two or more points has a date given only by month or year.
        var partial: Bool
        var denominatorChange: ComparabilityNote?

        mutating func mapCells(_ transform: (Figure) -> Figure) {
            series = series.map { Entry(key: $0.key, label: $0.label, multi: $0.multi, cell: transform($0.cell)) }
        }
    }

    static func build(_ sides: [Side]) -> MetricSection {
        build(sides.map(\.participant), sides.map(Part.init))
    }

    static func build(_ participants: [Participant], _ parts: [Part]) -> MetricSection {
        let definition = Methodology.definition(of: .trends)
        guard parts.contains(where: { $0.series.contains(where: \.multi) }) else {
            return MetricSection(id: .trends, title: definition.title, definition: definition.summary,
                                 comparability: .notComparable(reason: "Keine Entwicklung: Keine Kommune hat zwei Stände derselben Kennzahl."),
                                 rows: [], notes: [])
        }
        var keys: [(key: String, label: String)] = []
        var seen = Set<String>()
        for entry in parts.flatMap({ $0.series.filter(\.multi) }) where seen.insert(entry.key).inserted {
            keys.append((entry.key, entry.label))
        }
        let rows = keys.map { key, label in
            MetricRow(label: label + ": Veränderung pro Jahr", cells: parts.map { part in
                part.series.first { $0.key == key }?.cell ?? Figure(value: .notApplicable(reason: "nicht gemeldet"))
            }, key: key)
        }

        var notes: [ComparabilityNote] = parts.compactMap(\.denominatorChange)
        let partial = zip(participants, parts).filter(\.1.partial).map(\.0.name)
        if !partial.isEmpty {
            notes.append(ComparabilityNote(NoteSubject(.trends), .partialDates(partial)))
        }
        if parts.count > 1 {
            notes.append(ComparabilityNote(NoteSubject(.trends), .ownSnapshots))
        }
        return MetricSection(id: .trends, title: definition.title, definition: definition.summary, comparability: .withCaveats,
                             rows: rows, notes: notes)
    }
}

// In an extension, so that the memberwise initialiser (which the digest reader uses) stays.
extension TrendsSection.Part {
    init(_ side: Side) {
        let all = TrendsSection.series(of: side)
        series = all.map { found in
            let sources = side.cite(found.points.flatMap(\.sourceIDs))
            guard found.points.count >= 2 else {
                return TrendsSection.Entry(key: found.key, label: found.label, multi: false,
                             cell: Figure(value: .notApplicable(reason: "nur ein Stand: " + TrendsSection.pointsText(found)), asOf: found.points[0].date,
                                          sources: sources))
            }
            return TrendsSection.Entry(key: found.key, label: found.label, multi: true,
                         cell: Figure(value: TrendsSection.changePerYear(found), asOf: found.points.last!.date, sources: sources, remark: TrendsSection.pointsText(found)))
        }
        partial = all.contains { $0.points.count >= 2 && $0.points.contains { $0.date.precision != .day } }
        denominatorChange = ServicesOnlineSection.denominatorChange(side, metric: .trends)
    }
}
